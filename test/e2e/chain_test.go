package e2e

import (
	"context"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
)

// Event topics of the ERC-20 / ERC-3009 token, as any block explorer reads them.
var (
	topicTransfer          = crypto.Keccak256Hash([]byte("Transfer(address,address,uint256)"))
	topicAuthorizationUsed = crypto.Keccak256Hash([]byte("AuthorizationUsed(address,bytes32)"))
)

// chainView reads the dev chain the way an outside observer does: over its
// JSON-RPC URL, with the token address `obol chain status` prints.
type chainView struct {
	t    testing.TB
	rpc  string
	ec   *ethclient.Client
	usdc common.Address
}

func newChainView(t testing.TB, rpc string) *chainView {
	t.Helper()
	var st struct {
		ChainID   uint64 `json:"chainId"`
		Contracts []struct {
			Name    string `json:"name"`
			Address string `json:"address"`
			Present bool   `json:"present"`
		} `json:"contracts"`
	}
	mustJSON(t, &st, "chain", "status", "--rpc", rpc)
	if st.ChainID != 1337 {
		t.Fatalf("chain status: chain id %d, want 1337", st.ChainID)
	}
	c := &chainView{t: t, rpc: rpc}
	for _, k := range st.Contracts {
		if k.Name == "DevUSDC" && k.Present {
			c.usdc = common.HexToAddress(k.Address)
		}
	}
	if c.usdc == (common.Address{}) {
		t.Fatalf("chain status lists no DevUSDC: %+v", st.Contracts)
	}
	ec, err := ethclient.Dial(rpc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ec.Close)
	c.ec = ec
	return c
}

func (c *chainView) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 20*time.Second)
}

// usdcBalance is balanceOf(addr) in atomic units.
func (c *chainView) usdcBalance(addr string) *big.Int {
	c.t.Helper()
	ctx, cancel := c.ctx()
	defer cancel()
	data := append(common.FromHex("0x70a08231"), common.LeftPadBytes(common.HexToAddress(addr).Bytes(), 32)...)
	out, err := c.ec.CallContract(ctx, ethereum.CallMsg{To: &c.usdc, Data: data}, nil)
	if err != nil {
		c.t.Fatalf("balanceOf %s: %v", addr, err)
	}
	return new(big.Int).SetBytes(out)
}

// block is the chain's head number.
func (c *chainView) block() uint64 {
	c.t.Helper()
	ctx, cancel := c.ctx()
	defer cancel()
	n, err := c.ec.BlockNumber(ctx)
	if err != nil {
		c.t.Fatalf("block number: %v", err)
	}
	return n
}

// transfersFrom counts USDC Transfer logs whose sender is from.
func (c *chainView) transfersFrom(from string) int {
	c.t.Helper()
	return len(c.logs(topicTransfer, from))
}

// noncesUsed returns the ERC-3009 nonces authorizer has used, in log order.
func (c *chainView) noncesUsed(authorizer string) []string {
	c.t.Helper()
	var out []string
	for _, l := range c.logs(topicAuthorizationUsed, authorizer) {
		out = append(out, strings.ToLower(l.Topics[2].Hex()))
	}
	return out
}

func (c *chainView) logs(topic common.Hash, indexed string) []typesLog {
	c.t.Helper()
	ctx, cancel := c.ctx()
	defer cancel()
	q := ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{c.usdc},
		Topics: [][]common.Hash{{topic}, {common.BytesToHash(common.HexToAddress(indexed).Bytes())}}}
	logs, err := c.ec.FilterLogs(ctx, q)
	if err != nil {
		c.t.Fatalf("eth_getLogs: %v", err)
	}
	out := make([]typesLog, len(logs))
	for i, l := range logs {
		out[i] = typesLog{Topics: l.Topics, TxHash: l.TxHash}
	}
	return out
}

// typesLog is the part of a log the tests read.
type typesLog struct {
	Topics []common.Hash
	TxHash common.Hash
}
