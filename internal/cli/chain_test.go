package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/contracts/bindings"
)

// startChainUp runs `obol chain up` in-process until the test ends and
// returns what it printed with -o json.
func startChainUp(t *testing.T, dataDir string, extra ...string) chainUpInfo {
	t.Helper()
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	g := &Globals{Stdin: strings.NewReader(""), Stdout: pw, Stderr: &stderr}
	root := newRoot(g)
	root.SetArgs(append([]string{"--data-dir", dataDir, "-o", "json", "chain", "up", "--listen", "127.0.0.1:0"}, extra...))
	root.SetOut(pw)
	root.SetErr(&stderr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		err := root.ExecuteContext(ctx)
		pw.CloseWithError(io.EOF)
		done <- err
	}()
	var info chainUpInfo
	if err := json.NewDecoder(pr).Decode(&info); err != nil {
		cancel()
		t.Fatalf("chain up printed no JSON: %v (stderr: %s; exit: %v)", err, stderr.String(), <-done)
	}
	go io.Copy(io.Discard, pr)
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("chain up after Ctrl-C: %v", err)
		}
	})
	return info
}

func TestChainUpStatusFund(t *testing.T) {
	info := startChainUp(t, t.TempDir(), "--ephemeral")
	if info.ChainID != 1337 || info.CAIP2 != "eip155:1337" || info.Persisted || len(info.Accounts) != 10 ||
		info.Accounts[0].Address != "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" || len(info.Contracts) != 5 {
		t.Fatalf("chain up info = %+v", info)
	}

	code, out, stderr := run(t, "chain", "status", "--rpc", info.URL, "-o", "json")
	if code != 0 {
		t.Fatalf("chain status: exit %d: %s", code, stderr)
	}
	var st chainStatus
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("chain status -o json: %v\n%s", err, out)
	}
	if st.ChainID != 1337 || len(st.Contracts) != 5 {
		t.Fatalf("status = %+v", st)
	}
	for _, c := range st.Contracts {
		if c.Present == nil || !*c.Present {
			t.Errorf("contract %s not present", c.Name)
		}
	}

	to := "0x00000000000000000000000000000000DeaDBeef"
	code, out, stderr = run(t, "chain", "fund", to, "--token", "obol", "--amount", "1.5", "--rpc", info.URL, "-o", "json")
	if code != 0 {
		t.Fatalf("chain fund: exit %d: %s", code, stderr)
	}
	var res chainFundResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Atomic != "1500000000000000000" || res.Token != "OBOL" {
		t.Fatalf("chain fund -o json = %+v, %v\n%s", res, err, out)
	}
	ec, err := ethclient.Dial(info.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	obol, err := bindings.NewDevOBOL(contracts.DevOBOLAddress, ec)
	if err != nil {
		t.Fatal(err)
	}
	bal, err := obol.BalanceOf(&bind.CallOpts{}, common.HexToAddress(to))
	if err != nil || bal.Cmp(big.NewInt(15e17)) != 0 {
		t.Errorf("OBOL balance after fund = %v, %v", bal, err)
	}

	code, out, _ = run(t, "chain", "fund", to, "--token", "ETH", "--amount", "0.25", "--rpc", info.URL)
	if code != 0 || !strings.Contains(out, "sent 0.25 ETH to 0x00000000000000000000000000000000DeaDBeef") {
		t.Errorf("chain fund ETH human output: exit %d %q", code, out)
	}

	bad := []struct {
		name string
		args []string
		want string
	}{
		{"malformed address", []string{"chain", "fund", "0x1234", "--token", "USDC", "--amount", "1", "--rpc", info.URL}, "is not an address"},
		{"unknown token", []string{"chain", "fund", to, "--token", "DOGE", "--amount", "1", "--rpc", info.URL}, `unknown token "DOGE"`},
		{"float amount", []string{"chain", "fund", to, "--token", "USDC", "--amount", "1e6", "--rpc", info.URL}, "plain decimal"},
		{"too many decimals", []string{"chain", "fund", to, "--token", "USDC", "--amount", "0.0000001", "--rpc", info.URL}, "more than 6 decimal places"},
		{"zero amount", []string{"chain", "fund", to, "--token", "USDC", "--amount", "0", "--rpc", info.URL}, "more than zero"},
		{"missing amount", []string{"chain", "fund", to, "--rpc", info.URL}, `"amount" not set`},
		{"bad rpc url", []string{"chain", "status", "--rpc", "127.0.0.1:1"}, "want an http://"},
		{"chain down", []string{"chain", "status", "--rpc", "http://127.0.0.1:1"}, "is the chain running"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code == 0 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want failure mentioning %q", code, stderr, tt.want)
			}
		})
	}
}

func TestChainUpPersists(t *testing.T) {
	dir := t.TempDir()
	info := startChainUp(t, dir)
	if !info.Persisted || !strings.HasPrefix(info.DataDir, dir) {
		t.Fatalf("chain up without --ephemeral: %+v", info)
	}
}
