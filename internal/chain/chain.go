// Package chain is obol's dev chain: an in-process EVM node built on
// go-ethereum's core (block chain, state, EVM) with a block producer, a
// transaction pool and the eth_* JSON-RPC methods of its own, obol's
// contracts in genesis, automine and time control. See docs/chain.md.
//
// It does not use go-ethereum's full node (node, eth, p2p, catalyst): those
// bring a peer-to-peer stack, two database engines and sync machinery a dev
// chain never runs, and they double the size of every obol binary.
package chain

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethdb"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
)

// DefaultChainID is the dev chain's chain id (CAIP-2 eip155:1337, "devnet").
const DefaultChainID = 1337

// Options configures New.
type Options struct {
	// ChainID of the chain; 0 means DefaultChainID.
	ChainID uint64
	// DataDir holds the chain database; "" keeps the chain in memory. A
	// persisted chain resumes at its last block on the next New.
	DataDir string
	// Logger receives lifecycle messages; nil discards them.
	Logger *slog.Logger
}

// Chain is a running dev chain. Its methods are safe for concurrent use.
type Chain struct {
	log     *slog.Logger
	chainID *big.Int
	dataDir string

	db      ethdb.Database
	bc      *core.BlockChain
	engine  consensus.Engine
	config  *params.ChainConfig
	pool    *txPool
	filters *filterSet
	server  *rpc.Server
	client  *rpc.Client
	eth     *ethclient.Client
	handler http.Handler

	sealReqs  chan sealReq
	nextStamp atomic.Uint64 // evm_setNextBlockTimestamp's request; 0 = none
	quit      chan struct{}
	loopDone  chan struct{}

	faucet   *ecdsa.PrivateKey
	accounts map[common.Address]*ecdsa.PrivateKey // dev accounts and faucet
	devAddrs []common.Address                     // dev accounts in order
	// senderLocks serialise eth_sendTransaction per account so that two
	// concurrent calls never pick the same nonce.
	senderLocks sync.Map // common.Address → *sync.Mutex

	closeOnce sync.Once
	closeErr  error
}

// New starts a dev chain. It is ready for JSON-RPC when New returns.
func New(opts Options) (*Chain, error) {
	if opts.ChainID == 0 {
		opts.ChainID = DefaultChainID
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	c := &Chain{
		log:      opts.Logger,
		chainID:  new(big.Int).SetUint64(opts.ChainID),
		dataDir:  opts.DataDir,
		sealReqs: make(chan sealReq, 256),
		quit:     make(chan struct{}),
		loopDone: make(chan struct{}),
		faucet:   faucetKey(),
		accounts: map[common.Address]*ecdsa.PrivateKey{},
	}
	for _, a := range DevAccounts() {
		c.accounts[a.Address] = a.Key
		c.devAddrs = append(c.devAddrs, a.Address)
	}
	c.accounts[crypto.PubkeyToAddress(c.faucet.PublicKey)] = c.faucet
	// Genesis is stamped with the wall clock so that calls and gas
	// estimates against the head see a realistic block.timestamp.
	genesisTime := uint64(time.Now().Unix())
	if opts.DataDir != "" {
		if err := refuseOldLayout(opts.DataDir); err != nil {
			return nil, err
		}
		var err error
		if genesisTime, err = loadMeta(opts.DataDir, opts.ChainID, genesisTime); err != nil {
			return nil, err
		}
	}
	if err := c.start(genesisTime); err != nil {
		c.stop()
		return nil, err
	}
	go c.sealLoop()
	head := c.bc.CurrentBlock()
	c.log.Info("dev chain started", "chainId", opts.ChainID, "persisted", opts.DataDir != "",
		"dataDir", opts.DataDir, "block", head.Number.Uint64())
	return c, nil
}

// start opens the database and the block chain (committing genesis to a
// new database) and builds the JSON-RPC server.
func (c *Chain) start(genesisTime uint64) error {
	gen, err := genesis(c.chainID.Uint64(), genesisTime)
	if err != nil {
		return err
	}
	t0 := time.Now()
	if c.db, err = openDB(c.dataDir); err != nil {
		return err
	}
	t1 := time.Now()
	c.engine = newEngine()
	if c.bc, err = core.NewBlockChain(c.db, gen, c.engine, blockChainConfig()); err != nil {
		return fmt.Errorf("open chain: %w", err)
	}
	defer func() {
		c.log.Debug("chain start phases", "db", t1.Sub(t0), "blockchain", time.Since(t1))
	}()
	c.config = c.bc.Config()
	c.pool = newTxPool(c)
	c.filters = newFilterSet(c)
	if err := c.buildRPC(); err != nil {
		return err
	}
	c.client = rpc.DialInProc(c.server)
	c.eth = ethclient.NewClient(c.client)
	return nil
}

// stop releases what start opened, in reverse order; it is safe on a
// partly started chain.
func (c *Chain) stop() error {
	if c.client != nil {
		c.client.Close()
	}
	if c.server != nil {
		c.server.Stop()
	}
	if c.bc != nil {
		c.bc.Stop()
	}
	if c.db != nil {
		return c.db.Close()
	}
	return nil
}

// chainMeta is written next to a persisted chain so that reopening it with
// another chain id fails instead of silently mixing two chains.
// It also keeps the genesis timestamp, which must be the same on every open
// for the genesis block to match the stored one.
type chainMeta struct {
	ChainID     uint64 `json:"chainId"`
	GenesisTime uint64 `json:"genesisTime"`
}

// loadMeta reads (or, for a new data dir, creates) the chain metadata and
// returns the genesis timestamp to use.
func loadMeta(dir string, chainID uint64, now uint64) (uint64, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, fmt.Errorf("create chain data dir: %w", err)
	}
	path := filepath.Join(dir, "chain.json")
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		raw, _ = json.Marshal(chainMeta{ChainID: chainID, GenesisTime: now})
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			return 0, fmt.Errorf("write chain metadata: %w", err)
		}
		return now, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read chain metadata: %w", err)
	}
	var m chainMeta
	if err := json.Unmarshal(raw, &m); err != nil {
		return 0, fmt.Errorf("read chain metadata %s: %w", path, err)
	}
	if m.ChainID != chainID {
		return 0, fmt.Errorf("chain data dir %s holds chain id %d, not %d: use another data dir or the same chain id", dir, m.ChainID, chainID)
	}
	return m.GenesisTime, nil
}

// Close stops the chain, flushing a persisted chain to disk.
func (c *Chain) Close() error {
	c.closeOnce.Do(func() {
		close(c.quit)
		<-c.loopDone
		c.closeErr = c.stop()
		c.log.Info("dev chain stopped")
	})
	return c.closeErr
}

// ChainID returns the chain id.
func (c *Chain) ChainID() *big.Int { return new(big.Int).Set(c.chainID) }

// Handler returns the JSON-RPC endpoint (POST; a plain GET answers 200 for
// health checks). Transactions are mined as they arrive.
func (c *Chain) Handler() http.Handler { return c.handler }

// RPCClient returns an in-process client of the same JSON-RPC server the
// Handler serves, so it sees automine and the evm_* methods. Do not close it;
// Close does.
func (c *Chain) RPCClient() *rpc.Client { return c.client }

// EthClient returns an ethclient over RPCClient.
func (c *Chain) EthClient() *ethclient.Client { return c.eth }

// Serve serves Handler on ln until ctx ends, then shuts the listener down
// gracefully. It does not close the chain.
func (c *Chain) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: c.handler, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve chain RPC: %w", err)
	case <-ctx.Done():
	}
	// Give in-flight calls a moment, then close whatever is left: a client
	// may hold a connection it dialled but never used, which Shutdown alone
	// would wait on for seconds.
	shutCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		c.log.Debug("chain RPC shutdown timed out; closing connections", "err", err)
		if err := srv.Close(); err != nil {
			return fmt.Errorf("close chain RPC: %w", err)
		}
	}
	return nil
}
