package chain_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/internal/chain"
)

// serve starts the chain's JSON-RPC on a loopback port until the test ends
// and returns its URL.
func serve(t testing.TB, c *chain.Chain) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	url, wait := serveUntil(t, ctx, c)
	t.Cleanup(func() {
		cancel()
		wait()
	})
	return url
}

// serveUntil serves until ctx ends; wait blocks until Serve has returned
// and reports its error.
func serveUntil(t testing.TB, ctx context.Context, c *chain.Chain) (url string, wait func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- c.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), func() {
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}
}

type rpcResponse struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func post(t *testing.T, url, contentType, body string) (int, []byte) {
	t.Helper()
	resp, err := http.Post(url, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

func signedTransfer(t *testing.T, chainID *big.Int, acct chain.DevAccount, nonce uint64) []byte {
	t.Helper()
	to := common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	tx, err := types.SignNewTx(acct.Key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11), Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestJSONRPCBadInput(t *testing.T) {
	c := newChain(t, chain.Options{})
	url := serve(t, c)
	acct := chain.DevAccounts()[0]
	wrongChain := hexutil.Encode(signedTransfer(t, big.NewInt(31337), acct, 0))
	sink := common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	unsigned, err := types.NewTx(&types.DynamicFeeTx{ChainID: c.ChainID(), Gas: 21000, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11), To: &sink,
		R: big.NewInt(0), S: big.NewInt(0)}).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	badSig := hexutil.Encode(unsigned)
	tests := []struct {
		name, contentType, body string
		wantStatus              int
		wantCode                int    // JSON-RPC error code; 0 = no JSON-RPC body checked
		wantMsg                 string // substring of the error message
	}{
		{"malformed JSON", "application/json", `{"jsonrpc":"2.0","id":1,"method":`, 200, -32700, "parse error"},
		{"not an object", "application/json", `42`, 200, -32600, "invalid request"},
		{"unknown method", "application/json", `{"jsonrpc":"2.0","id":1,"method":"eth_doesNotExist","params":[]}`, 200, -32601, "does not exist"},
		{"admin namespace not served", "application/json", `{"jsonrpc":"2.0","id":1,"method":"admin_nodeInfo","params":[]}`, 200, -32601, "does not exist"},
		{"debug setHead not served", "application/json", `{"jsonrpc":"2.0","id":1,"method":"debug_setHead","params":["0x0"]}`, 200, -32601, "does not exist"},
		{"bad params", "application/json", `{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["nope","latest"]}`, 200, -32602, "invalid argument"},
		{"garbage raw transaction", "application/json", `{"jsonrpc":"2.0","id":1,"method":"eth_sendRawTransaction","params":["0xdeadbeef"]}`, 200, -32000, ""},
		{"wrong chain id", "application/json", `{"jsonrpc":"2.0","id":1,"method":"eth_sendRawTransaction","params":["` + wrongChain + `"]}`, 200, -32000, "chain"},
		{"bad signature", "application/json", `{"jsonrpc":"2.0","id":1,"method":"eth_sendRawTransaction","params":["` + badSig + `"]}`, 200, -32000, "sender"},
		{"sendTransaction from a stranger", "application/json", `{"jsonrpc":"2.0","id":1,"method":"eth_sendTransaction","params":[{"from":"0x000000000000000000000000000000000000bEEF","to":"0x000000000000000000000000000000000000dEaD","value":"0x1"}]}`, 200, -32000, "not a dev account"},
		{"increaseTime by a word", "application/json", `{"jsonrpc":"2.0","id":1,"method":"evm_increaseTime","params":["soon"]}`, 200, -32602, "invalid argument"},
		{"increaseTime by zero", "application/json", `{"jsonrpc":"2.0","id":1,"method":"evm_increaseTime","params":[0]}`, 200, -32000, "between 1"},
		{"mine in the past", "application/json", `{"jsonrpc":"2.0","id":1,"method":"evm_mine","params":[1]}`, 200, -32000, "not after"},
		{"wrong content type", "text/plain", `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`, 415, 0, ""},
		{"body too large", "application/json", `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":["` + strings.Repeat("a", 6<<20) + `"]}`, 413, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, url, tt.contentType, tt.body)
			if status != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", status, tt.wantStatus, body)
			}
			if tt.wantCode == 0 {
				return
			}
			var r rpcResponse
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatalf("answer is not JSON-RPC: %v: %s", err, body)
			}
			if r.Error == nil || r.Error.Code != tt.wantCode || !strings.Contains(strings.ToLower(r.Error.Message), tt.wantMsg) {
				t.Errorf("error = %+v, want code %d with %q", r.Error, tt.wantCode, tt.wantMsg)
			}
		})
	}
	// Nothing above changed the chain or stopped it.
	status, body := post(t, url, "application/json", `[{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]},{"jsonrpc":"2.0","id":2,"method":"eth_blockNumber","params":[]}]`)
	var batch []rpcResponse
	if err := json.Unmarshal(body, &batch); status != 200 || err != nil || len(batch) != 2 {
		t.Fatalf("batch after bad input: %d %v %s", status, err, body)
	}
	if string(batch[0].Result) != `"0x539"` || string(batch[1].Result) != `"0x0"` {
		t.Errorf("chainId, blockNumber = %s, %s; want 0x539, 0x0", batch[0].Result, batch[1].Result)
	}
}

func TestAutomineOverHTTP(t *testing.T) {
	c := newChain(t, chain.Options{})
	ec, err := ethclient.Dial(serve(t, c))
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	ctx := context.Background()
	acct := chain.DevAccounts()[0]
	var tx types.Transaction
	if err := tx.UnmarshalBinary(signedTransfer(t, c.ChainID(), acct, 0)); err != nil {
		t.Fatal(err)
	}
	if err := ec.SendTransaction(ctx, &tx); err != nil {
		t.Fatal(err)
	}
	// No polling: the receipt must be there as soon as the send returned.
	rc, err := ec.TransactionReceipt(ctx, tx.Hash())
	if err != nil || rc.Status != types.ReceiptStatusSuccessful || rc.BlockNumber.Uint64() != 1 {
		t.Fatalf("receipt right after send = %+v, %v; want success in block 1", rc, err)
	}
}

func TestConcurrentSendersShareBlocks(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	accts := chain.DevAccounts()
	const perAccount = 8
	var wg sync.WaitGroup
	errs := make(chan error, len(accts)*perAccount)
	for _, a := range accts {
		wg.Add(1)
		go func(a chain.DevAccount) {
			defer wg.Done()
			for n := uint64(0); n < perAccount; n++ {
				var tx types.Transaction
				if err := tx.UnmarshalBinary(signedTransfer(t, c.ChainID(), a, n)); err != nil {
					errs <- err
					return
				}
				if err := ec.SendTransaction(ctx, &tx); err != nil {
					errs <- fmt.Errorf("%s nonce %d: %w", a.Address.Hex(), n, err)
					return
				}
				rc, err := ec.TransactionReceipt(ctx, tx.Hash())
				if err != nil || rc.Status != types.ReceiptStatusSuccessful {
					errs <- fmt.Errorf("%s nonce %d: receipt %v, %v", a.Address.Hex(), n, rc, err)
					return
				}
			}
		}(a)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	bn, err := ec.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := uint64(len(accts) * perAccount)
	if bn == 0 || bn > total {
		t.Errorf("%d transactions took %d blocks; want between 1 and %d", total, bn, total)
	}
	t.Logf("%d transactions from %d concurrent senders in %d blocks", total, len(accts), bn)
}

func TestSendTransactionAndAccounts(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	var accounts []common.Address
	if err := c.RPCClient().CallContext(ctx, &accounts, "eth_accounts"); err != nil {
		t.Fatal(err)
	}
	if len(accounts) != chain.DevAccountCount || accounts[0] != chain.DevAccounts()[0].Address {
		t.Fatalf("eth_accounts = %v", accounts)
	}
	to := common.HexToAddress("0x00000000000000000000000000000000000A11CE")
	// Concurrent sends from one account must take distinct nonces.
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var h common.Hash
			err := c.RPCClient().CallContext(ctx, &h, "eth_sendTransaction", map[string]any{"from": accounts[1], "to": to, "value": "0x64"})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	bal, err := c.EthClient().BalanceAt(ctx, to, nil)
	if err != nil || bal.Int64() != 500 {
		t.Errorf("balance after 5 × 100 wei = %v, %v", bal, err)
	}
}

func TestTimeControl(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	head := func() *types.Header {
		h, err := ec.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	h0 := head()
	if err := c.Mine(); err != nil {
		t.Fatal(err)
	}
	var res string
	if err := c.RPCClient().CallContext(ctx, &res, "evm_mine"); err != nil {
		t.Fatal(err)
	}
	if h := head(); h.Number.Uint64() != h0.Number.Uint64()+2 {
		t.Errorf("after two mines block = %d, want %d", h.Number, h0.Number.Uint64()+2)
	}
	before := head().Time
	var added hexutil.Uint64
	if err := c.RPCClient().CallContext(ctx, &added, "evm_increaseTime", "0xe10"); err != nil {
		t.Fatal(err)
	}
	if after := head().Time; after != before+3600 || added != 3600 {
		t.Errorf("evm_increaseTime(3600): head time %d → %d (added %d)", before, after, added)
	}
	if err := c.IncreaseTime(24 * time.Hour); err != nil {
		t.Fatal(err)
	}
	if after := head().Time; after != before+3600+86400 {
		t.Errorf("IncreaseTime(24h): head time %d, want %d", after, before+3600+86400)
	}
	// The clock never goes back: the next block follows the advanced head.
	next := head().Time
	if err := c.Mine(); err != nil {
		t.Fatal(err)
	}
	if h := head(); h.Time <= next {
		t.Errorf("block after a time jump stamped %d, not after %d", h.Time, next)
	}
	// evm_setNextBlockTimestamp: nothing is sealed, and the next block,
	// here the one with a transaction, gets exactly that time.
	ts, n := head().Time+500, head().Number.Uint64()
	var ok bool
	if err := c.RPCClient().CallContext(ctx, &ok, "evm_setNextBlockTimestamp", ts); err != nil || !ok {
		t.Fatalf("evm_setNextBlockTimestamp: %v, %v", ok, err)
	}
	if got := head().Number.Uint64(); got != n {
		t.Errorf("evm_setNextBlockTimestamp sealed %d block(s)", got-n)
	}
	if _, err := c.Fund(ctx, common.HexToAddress("0x0000000000000000000000000000000000007100"), "ETH", big.NewInt(1)); err != nil {
		t.Fatal(err)
	}
	if h := head(); h.Time != ts || h.Number.Uint64() != n+1 {
		t.Errorf("block after evm_setNextBlockTimestamp(%d) is #%d stamped %d, want #%d", ts, h.Number, h.Time, n+1)
	}
	if err := c.RPCClient().CallContext(ctx, &ok, "evm_setNextBlockTimestamp", head().Time); err == nil {
		t.Error("evm_setNextBlockTimestamp accepted the head's own time")
	}
	target := head().Time + 100
	if err := c.RPCClient().CallContext(ctx, &res, "evm_mine", target); err != nil {
		t.Fatal(err)
	}
	if h := head(); h.Time != target {
		t.Errorf("evm_mine(%d) stamped %d", target, h.Time)
	}
}

func TestFund(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	to := crypto.PubkeyToAddress(mustKey(t).PublicKey)
	tests := []struct {
		token  string
		amount *big.Int
	}{
		{"ETH", big.NewInt(123456789)},
		{"usdc", big.NewInt(10_000_000)},
		{"OBOL", new(big.Int).Mul(big.NewInt(10), big.NewInt(1e18))},
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			if _, err := c.Fund(ctx, to, tt.token, tt.amount); err != nil {
				t.Fatal(err)
			}
			var got *big.Int
			var err error
			switch strings.ToUpper(tt.token) {
			case "ETH":
				got, err = c.EthClient().BalanceAt(ctx, to, nil)
			case "USDC":
				got, err = tokenBalance(ctx, c, contracts.DevUSDCAddress, to)
			case "OBOL":
				got, err = tokenBalance(ctx, c, contracts.DevOBOLAddress, to)
			}
			if err != nil || got.Cmp(tt.amount) != 0 {
				t.Errorf("balance = %v, %v; want %s", got, err, tt.amount)
			}
		})
	}
	bad := []struct {
		name   string
		to     common.Address
		token  string
		amount *big.Int
		want   string
	}{
		{"unknown token", to, "DOGE", big.NewInt(1), `unknown token "DOGE"`},
		{"zero amount", to, "USDC", big.NewInt(0), "must be positive"},
		{"negative amount", to, "ETH", big.NewInt(-1), "must be positive"},
		{"zero address", common.Address{}, "ETH", big.NewInt(1), "zero address"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Fund(ctx, tt.to, tt.token, tt.amount)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Fund error = %v, want %q", err, tt.want)
			}
		})
	}
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func tokenBalance(ctx context.Context, c *chain.Chain, token, who common.Address) (*big.Int, error) {
	data := append(crypto.Keccak256([]byte("balanceOf(address)"))[:4], common.LeftPadBytes(who.Bytes(), 32)...)
	var out hexutil.Bytes
	err := c.RPCClient().CallContext(ctx, &out, "eth_call", map[string]any{"to": token, "input": hexutil.Bytes(data)}, "latest")
	return new(big.Int).SetBytes(out), err
}

func TestTwoChainsInOneProcess(t *testing.T) {
	a := newChain(t, chain.Options{})
	b := newChain(t, chain.Options{ChainID: 31337})
	if a.ChainID().Uint64() != 1337 || b.ChainID().Uint64() != 31337 {
		t.Fatalf("chain ids %s, %s", a.ChainID(), b.ChainID())
	}
	to := common.HexToAddress("0x00000000000000000000000000000000000B0B0B")
	if _, err := a.Fund(context.Background(), to, "ETH", big.NewInt(5)); err != nil {
		t.Fatal(err)
	}
	bal, err := b.EthClient().BalanceAt(context.Background(), to, nil)
	if err != nil || bal.Sign() != 0 {
		t.Errorf("funding chain a changed chain b: %v, %v", bal, err)
	}
}

func TestHandlerInProcess(t *testing.T) {
	c := newChain(t, chain.Options{})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/", bytes.NewBufferString(`{"jsonrpc":"2.0","id":7,"method":"eth_chainId","params":[]}`))
	req.Header.Set("Content-Type", "application/json")
	c.Handler().ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"result":"0x539"`) {
		t.Errorf("eth_chainId through Handler = %d %s", rec.Code, rec.Body)
	}
	if rec.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("no CORS header on the dev chain's answer")
	}
	var ver string
	if err := c.RPCClient().CallContext(context.Background(), &ver, "web3_clientVersion"); err != nil || ver == "" {
		t.Errorf("web3_clientVersion = %q, %v", ver, err)
	}
	_ = rpc.LatestBlockNumber
}

func TestFundVia(t *testing.T) {
	c := newChain(t, chain.Options{})
	ec, err := ethclient.Dial(serve(t, c))
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	ctx := context.Background()
	to := common.HexToAddress("0x0000000000000000000000000000000000C0FFEE")
	amount, err := chain.ParseUnits("2.5", 18)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chain.FundVia(ctx, ec, to, "OBOL", amount); err != nil {
		t.Fatal(err)
	}
	if got, err := tokenBalance(ctx, c, contracts.DevOBOLAddress, to); err != nil || got.Cmp(amount) != 0 {
		t.Errorf("OBOL balance = %v, %v; want %s", got, err, amount)
	}
	if _, err := chain.FundVia(ctx, ec, to, "BTC", amount); err == nil || !strings.Contains(err.Error(), "unknown token") {
		t.Errorf("FundVia(BTC) = %v", err)
	}
}

// TestUnderpricedTransactionDoesNotSpinBlocks: a transaction the builder
// will not include yet costs one block per send, not a run of empty blocks.
func TestUnderpricedTransactionDoesNotSpinBlocks(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	acct := chain.DevAccounts()[2]
	head, err := c.EthClient().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	// Fee cap half the base fee: accepted by the pool, not minable yet.
	low := new(big.Int).Div(head.BaseFee, big.NewInt(2))
	tx, err := types.SignNewTx(acct.Key, types.LatestSignerForChainID(c.ChainID()), &types.DynamicFeeTx{
		ChainID: c.ChainID(), Nonce: 0, GasTipCap: big.NewInt(1), GasFeeCap: low, Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := c.EthClient().BlockNumber(ctx)
	err = c.EthClient().SendTransaction(ctx, tx)
	after, _ := c.EthClient().BlockNumber(ctx)
	if err == nil && after-before > 2 {
		t.Errorf("one underpriced send sealed %d blocks", after-before)
	}
	t.Logf("send: %v; blocks %d → %d", err, before, after)
}
