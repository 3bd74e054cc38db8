package facilitator_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// env is a dev chain, a facilitator on it and its HTTP server.
type env struct {
	t      testing.TB
	chain  *chain.Chain
	ec     *ethclient.Client
	dbPath string
	db     *db.DB
	fac    *facilitator.Facilitator
	srv    *httptest.Server
	facKey *ecdsa.PrivateKey
	opts   facilitator.Options
}

func newChain(t testing.TB) *chain.Chain {
	t.Helper()
	c, err := chain.New(chain.Options{})
	if err != nil {
		t.Fatalf("start dev chain: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// newEnv starts a chain and a facilitator whose key is funded with ETH.
func newEnv(t testing.TB, tweak func(*facilitator.Options)) *env {
	t.Helper()
	e := &env{t: t, chain: newChain(t)}
	e.ec = e.chain.EthClient()
	e.facKey = x402test.Key(t, "facilitator "+t.Name())
	e.fund(crypto.PubkeyToAddress(e.facKey.PublicKey), "ETH", ether(100))
	e.dbPath = filepath.Join(t.TempDir(), db.FileName)
	e.opts = facilitator.Options{Signer: wallet.NewKeySigner(e.facKey),
		Networks: []facilitator.Network{{Network: "devnet", Backend: e.ec}}, PollInterval: 5 * time.Millisecond}
	if tweak != nil {
		tweak(&e.opts)
	}
	e.start()
	return e
}

// start (re)opens the database and builds a facilitator from e.opts.
func (e *env) start() {
	e.t.Helper()
	d, err := db.Open(e.dbPath, db.Options{})
	if err != nil {
		e.t.Fatal(err)
	}
	e.db = d
	opts := e.opts
	opts.DB = d
	f, err := facilitator.New(opts)
	if err != nil {
		e.t.Fatal(err)
	}
	e.fac = f
	e.srv = httptest.NewServer(f.Handler())
	e.t.Cleanup(e.stop)
}

// stop closes the server and the database, as a process exit would.
func (e *env) stop() {
	if e.srv != nil {
		e.srv.Close()
		e.srv = nil
	}
	if e.fac != nil {
		_ = e.fac.Close()
	}
	if e.db != nil {
		_ = e.db.Close()
		e.db = nil
	}
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func (e *env) fund(to common.Address, token string, amount *big.Int) {
	e.t.Helper()
	if _, err := e.chain.Fund(context.Background(), to, token, amount); err != nil {
		e.t.Fatalf("fund %s %s: %v", to, token, err)
	}
}

// payer is a fresh funded account.
func (e *env) payer(label string, usdc, obol int64) *wallet.KeySigner {
	e.t.Helper()
	s := x402test.Signer(e.t, label+" "+e.t.Name())
	e.fund(s.Address(), "ETH", ether(1))
	if usdc > 0 {
		e.fund(s.Address(), "USDC", big.NewInt(usdc))
	}
	if obol > 0 {
		e.fund(s.Address(), "OBOL", big.NewInt(obol))
	}
	return s
}

var erc20ABI = func() abi.ABI {
	a, err := abi.JSON(bytes.NewReader([]byte(`[
{"type":"function","name":"approve","inputs":[{"name":"s","type":"address"},{"name":"v","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]},
{"type":"function","name":"balanceOf","inputs":[{"name":"a","type":"address"}],"outputs":[{"name":"","type":"uint256"}]},
{"type":"function","name":"nonces","inputs":[{"name":"a","type":"address"}],"outputs":[{"name":"","type":"uint256"}]},
{"type":"event","name":"Transfer","inputs":[{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true},{"name":"value","type":"uint256","indexed":false}]}]`)))
	if err != nil {
		panic(err)
	}
	return a
}()

// approvePermit2 sends approve(Permit2, max) from the payer.
func (e *env) approvePermit2(key *ecdsa.PrivateKey, token common.Address) {
	e.t.Helper()
	ctx := context.Background()
	data, _ := erc20ABI.Pack("approve", x402.Permit2Address, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := e.ec.PendingNonceAt(ctx, from)
	if err != nil {
		e.t.Fatal(err)
	}
	head, _ := e.ec.HeaderByNumber(ctx, nil)
	gas, err := e.ec.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &token, Data: data})
	if err != nil {
		e.t.Fatalf("estimate approve: %v", err)
	}
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: e.chain.ChainID(), Nonce: nonce, GasTipCap: big.NewInt(1e9),
		GasFeeCap: new(big.Int).Add(big.NewInt(1e9), new(big.Int).Mul(head.BaseFee, big.NewInt(2))), Gas: gas * 2, To: &token, Data: data})
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(e.chain.ChainID()), key)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.ec.SendTransaction(ctx, signed); err != nil {
		e.t.Fatal(err)
	}
	rc, err := waitReceipt(ctx, e.ec, signed.Hash())
	if err != nil || rc.Status != 1 {
		e.t.Fatalf("approve: %v %+v", err, rc)
	}
}

func waitReceipt(ctx context.Context, ec *ethclient.Client, h common.Hash) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	for {
		rc, err := ec.TransactionReceipt(ctx, h)
		if err == nil {
			return rc, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

func (e *env) balance(token, who common.Address) *big.Int {
	e.t.Helper()
	data, _ := erc20ABI.Pack("balanceOf", who)
	out, err := e.ec.CallContract(context.Background(), ethereum.CallMsg{To: &token, Data: data}, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return new(big.Int).SetBytes(out)
}

// transfers counts Transfer logs of token from payer.
func (e *env) transfers(token, payer common.Address) int {
	e.t.Helper()
	logs, err := e.ec.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{token},
		Topics: [][]common.Hash{{erc20ABI.Events["Transfer"].ID}, {common.BytesToHash(payer[:])}}})
	if err != nil {
		e.t.Fatal(err)
	}
	return len(logs)
}

// post sends a facilitator request over HTTP and decodes the answer into out.
func (e *env) post(path string, p *x402.PaymentPayload, req x402.PaymentRequirements, out any) int {
	e.t.Helper()
	body, err := json.Marshal(map[string]any{"x402Version": p.X402Version, "paymentPayload": p, "paymentRequirements": req})
	if err != nil {
		e.t.Fatal(err)
	}
	return e.postRaw(path, body, out)
}

func (e *env) postRaw(path string, body []byte, out any) int {
	e.t.Helper()
	resp, err := http.Post(e.srv.URL+path, "application/json", bytes.NewReader(body))
	if err != nil {
		e.t.Error(err)
		return 0
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, out); err != nil {
		e.t.Errorf("%s answer %q: %v", path, raw, err)
	}
	return resp.StatusCode
}

var (
	devUSDC = common.HexToAddress("0x036CbD53842c5426634e7929541eC2318f3dCF7e")
	devOBOL = common.HexToAddress("0x0a09371a8b011d5110656ceBCc70603e53FD2c78")
)

// settleManyTimes posts n concurrent /settle calls of one payment and
// checks that every one succeeded with the same transaction.
func (e *env) settleManyTimes(t *testing.T, p *x402.PaymentPayload, req x402.PaymentRequirements, n int) {
	t.Helper()
	out := make([]x402.SettleResponse, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.post("/settle", p, req, &out[i])
		}()
	}
	wg.Wait()
	for i := range out {
		if !out[i].Success || out[i].Transaction != out[0].Transaction {
			t.Fatalf("answer %d: %+v, first %+v", i, out[i], out[0])
		}
	}
}
