package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/chain/chaintest"
)

func TestWalletBalance(t *testing.T) {
	c := chaintest.New(t, chain.Options{})
	url := chaintest.Serve(t, c)
	dir := t.TempDir()
	runIn := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Main(append([]string{"--data-dir", dir}, args...), strings.NewReader(""), &out, &errb)
		return code, out.String(), errb.String()
	}
	if code, _, stderr := runIn("wallet", "new"); code != 0 {
		t.Fatal(stderr)
	}
	_, addrOut, _ := runIn("wallet", "address")
	addr := common.HexToAddress(strings.TrimSpace(addrOut))
	if _, err := c.Fund(context.Background(), addr, "USDC", big.NewInt(2_500_000)); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runIn("wallet", "balance", "--rpc", url, "-o", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Balances []balanceRow `json:"balances"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"ETH": "0", "USDC": "2.5", "OBOL": "0"}
	for _, r := range got.Balances {
		if w, ok := want[r.Token]; !ok || w != r.Amount {
			t.Fatalf("balances %+v", got.Balances)
		}
	}
	if len(got.Balances) != 3 {
		t.Fatalf("balances %+v", got.Balances)
	}
	if code, _, stderr := runIn("wallet", "balance", "--rpc", url, "--token", "DOGE"); code == 0 || !strings.Contains(stderr, "not a token") {
		t.Fatalf("unknown token: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runIn("wallet", "balance"); code == 0 || !strings.Contains(stderr, "no RPC") {
		t.Fatalf("no stack, no --rpc: exit %d, %s", code, stderr)
	}
}
