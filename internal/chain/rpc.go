package chain

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/consensus/misc/eip1559"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
)

// buildRPC registers the dev chain's JSON-RPC namespaces. admin, miner and
// debug do not exist: nothing may stop or rewind the chain under the block
// producer.
func (c *Chain) buildRPC() error {
	c.server = rpc.NewServer()
	for _, s := range []struct {
		ns  string
		svc any
	}{
		{"eth", &ethAPI{c: c}},
		{"net", netAPI{c: c}},
		{"txpool", txpoolAPI{c: c}},
		{"evm", &evmAPI{c: c}},
		{"web3", web3API{}},
	} {
		if err := c.server.RegisterName(s.ns, s.svc); err != nil {
			return fmt.Errorf("register %s API: %w", s.ns, err)
		}
	}
	c.handler = withCORS(c.server)
	return nil
}

// withCORS lets browser dapps on any origin talk to the dev chain, as
// Anvil and Hardhat do; the chain listens on loopback only by default.
func withCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		if r.Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Content-Type")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// errUnprotected refuses pre-EIP-155 transactions, which any chain would
// replay (go-ethereum's default over RPC).
var errUnprotected = errors.New("only replay-protected (EIP-155) transactions allowed over RPC")

// sendRaw pools a signed transaction and returns once the block holding
// it is on chain, so its receipt is already available.
func (c *Chain) sendRaw(ctx context.Context, input hexutil.Bytes) (common.Hash, error) {
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(input); err != nil {
		return common.Hash{}, err
	}
	if !tx.Protected() {
		return common.Hash{}, errUnprotected
	}
	if err := c.pool.add(tx); err != nil {
		return common.Hash{}, err
	}
	// A round may end without this transaction: it can wait behind a
	// nonce gap or for a lower base fee (then the hash is the answer, as
	// on any node), a round can stop at maxBlocksPerSeal (seal again), or
	// it can leave the pool unmined — replaced while the round mined the
	// one it replaced, or no longer affordable — which is an error, never
	// a success with no receipt.
	for round := 0; ; round++ {
		if err := c.seal(ctx, sealTxs, 0); err != nil {
			return tx.Hash(), fmt.Errorf("mine transaction %s: %w", tx.Hash().Hex(), err)
		}
		if lookup, _ := c.bc.GetCanonicalTransaction(tx.Hash()); lookup != nil {
			return tx.Hash(), nil
		}
		head := c.bc.CurrentBlock()
		st, err := c.bc.StateAt(head.Root, head.Number, head.Time)
		if err != nil {
			return tx.Hash(), err
		}
		pooled, minable, gone := c.pool.status(tx.Hash(), st, eip1559.CalcBaseFee(c.config, head))
		switch {
		case pooled && (!minable || round >= maxSendRounds):
			return tx.Hash(), nil
		case pooled:
			continue
		}
		// Gone from the pool: mined after all? (Looked up again: a round
		// may have completed since the first look.)
		if lookup, _ := c.bc.GetCanonicalTransaction(tx.Hash()); lookup != nil {
			return tx.Hash(), nil
		}
		if gone == nil {
			gone = errors.New("it left the pool")
		}
		return common.Hash{}, fmt.Errorf("transaction %s was not mined: %w", tx.Hash().Hex(), gone)
	}
}

// maxSendRounds bounds how many rounds a send waits for its still-minable
// transaction before it answers with the hash alone.
const maxSendRounds = 256

func (c *Chain) senderLock(addr common.Address) *sync.Mutex {
	m, _ := c.senderLocks.LoadOrStore(addr, new(sync.Mutex))
	return m.(*sync.Mutex)
}

// signAndSend fills in nonce, gas and fees, signs with key and sends. The
// sender's lock is held until the transaction is mined so that concurrent
// calls for one account take consecutive nonces. Raw sends from the same
// account do not take that lock: when one wins the nonce first, a call
// that chose no nonce itself takes the next one (its own transaction was
// never mined, so nothing is sent twice).
func (c *Chain) signAndSend(ctx context.Context, key *ecdsa.PrivateKey, args txArgs) (common.Hash, error) {
	from := crypto.PubkeyToAddress(key.PublicKey)
	args.From = &from
	mu := c.senderLock(from)
	mu.Lock()
	defer mu.Unlock()
	const attempts = 4
	for i := 1; ; i++ {
		h, err := c.signAndSendOnce(ctx, key, args)
		lostNonce := errors.Is(err, core.ErrNonceTooLow) || errors.Is(err, txpool.ErrReplaceUnderpriced)
		if err == nil || args.Nonce != nil || !lostNonce || i == attempts {
			return h, err
		}
	}
}

func (c *Chain) signAndSendOnce(ctx context.Context, key *ecdsa.PrivateKey, args txArgs) (common.Hash, error) {
	data, err := args.data()
	if err != nil {
		return common.Hash{}, err
	}
	value := new(big.Int)
	if args.Value != nil {
		value = args.Value.ToInt()
	}
	st, err := c.bc.State()
	if err != nil {
		return common.Hash{}, err
	}
	nonce := c.pool.nonce(*args.From, st)
	if args.Nonce != nil {
		nonce = uint64(*args.Nonce)
	}
	var gas uint64
	if args.Gas != nil {
		gas = uint64(*args.Gas)
	} else {
		est, err := c.estimateGas(ctx, args, latest())
		if err != nil {
			return common.Hash{}, fmt.Errorf("estimate gas: %w", err)
		}
		gas = uint64(est)
	}
	head := c.bc.CurrentBlock()
	var txData types.TxData
	if args.GasPrice != nil {
		txData = &types.LegacyTx{Nonce: nonce, GasPrice: args.GasPrice.ToInt(), Gas: gas, To: args.To, Value: value, Data: data}
	} else {
		tip := new(big.Int).Set(defaultTip)
		if args.MaxPriorityFeePerGas != nil {
			tip = args.MaxPriorityFeePerGas.ToInt()
		}
		feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
		if args.MaxFeePerGas != nil {
			feeCap = args.MaxFeePerGas.ToInt()
		}
		txData = &types.DynamicFeeTx{ChainID: c.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: args.To, Value: value, Data: data}
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(c.chainID), txData)
	if err != nil {
		return common.Hash{}, fmt.Errorf("sign transaction: %w", err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return common.Hash{}, fmt.Errorf("encode transaction: %w", err)
	}
	return c.sendRaw(ctx, raw)
}

// evmAPI is the Hardhat/Anvil-style test control namespace.
type evmAPI struct{ c *Chain }

// Mine seals one block now. With a timestamp, the block gets that
// timestamp if it is later than the head's (an empty pool is then needed).
func (a *evmAPI) Mine(ctx context.Context, timestamp *quantity) (string, error) {
	if timestamp != nil {
		head := a.c.bc.CurrentBlock().Time
		if uint64(*timestamp) <= head {
			return "", fmt.Errorf("evm_mine: timestamp %d is not after the head block's %d", uint64(*timestamp), head)
		}
		// The absolute time goes to the producer: a block sealed before
		// it gets there (a racing send) must not shift it.
		if err := a.c.sealReq(ctx, sealReq{kind: sealAt, at: uint64(*timestamp), done: make(chan error, 1)}); err != nil {
			return "", err
		}
		return "0x0", nil
	}
	if err := a.c.seal(ctx, sealMine, 0); err != nil {
		return "", err
	}
	return "0x0", nil
}

// SetNextBlockTimestamp makes the next block sealed, whatever seals it,
// stamped exactly ts, which must be after the head's time (it may be
// behind the wall clock). Nothing is sealed now.
func (a *evmAPI) SetNextBlockTimestamp(ts quantity) (bool, error) {
	if head := a.c.bc.CurrentBlock().Time; uint64(ts) <= head {
		return false, fmt.Errorf("evm_setNextBlockTimestamp: %d must be later than the head block's time %d", uint64(ts), head)
	}
	a.c.nextStamp.Store(uint64(ts))
	return true, nil
}

// IncreaseTime mines a block the given number of seconds after the head
// and returns the seconds added.
func (a *evmAPI) IncreaseTime(ctx context.Context, seconds quantity) (hexutil.Uint64, error) {
	if seconds == 0 || seconds > 100*365*24*3600 {
		return 0, fmt.Errorf("evm_increaseTime: seconds must be between 1 and 100 years, got %d", uint64(seconds))
	}
	if err := a.c.seal(ctx, sealAdjust, time.Duration(seconds)*time.Second); err != nil {
		return 0, err
	}
	return hexutil.Uint64(seconds), nil
}

// quantity accepts a JSON number, a 0x-hex string or a decimal string, as
// the various dev-chain clients send them.
type quantity uint64

func (q *quantity) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		var n uint64
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("want a non-negative integer or a hex string, got %s", truncate(string(b)))
		}
		*q = quantity(n)
		return nil
	}
	var n uint64
	var err error
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		n, err = hexutil.DecodeUint64(s)
	} else {
		n, err = strconv.ParseUint(s, 10, 64)
	}
	if err != nil {
		return fmt.Errorf("want a non-negative integer or a hex string, got %q", truncate(s))
	}
	*q = quantity(n)
	return nil
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// web3API answers web3_clientVersion and web3_sha3.
type web3API struct{}

// ClientVersion names the dev chain.
func (web3API) ClientVersion() string { return "obol-devchain/go-ethereum" }

// Sha3 returns keccak256 of the input.
func (web3API) Sha3(input hexutil.Bytes) hexutil.Bytes { return crypto.Keccak256(input) }
