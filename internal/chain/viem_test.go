package chain_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/nodetest"
)

type viemReport struct {
	ChainID                    uint64 `json:"chainId"`
	SenderEth                  string `json:"senderEth"`
	SenderUsdc                 string `json:"senderUsdc"`
	SenderObol                 string `json:"senderObol"`
	UsdcDecimals               int    `json:"usdcDecimals"`
	UsdcName                   string `json:"usdcName"`
	UsdcVersion                string `json:"usdcVersion"`
	Permit2DomainSeparator     string `json:"permit2DomainSeparator"`
	Permit2DomainSeparatorViem string `json:"permit2DomainSeparatorViem"`
	UsdcDomainSeparator        string `json:"usdcDomainSeparator"`
	UsdcDomainSeparatorViem    string `json:"usdcDomainSeparatorViem"`
	TransferTx                 string `json:"transferTx"`
	TransferStatus             string `json:"transferStatus"`
	AuthTx                     string `json:"authTx"`
	AuthStatus                 string `json:"authStatus"`
	AuthNonce                  string `json:"authNonce"`
	AuthUsed                   bool   `json:"authUsed"`
	RecipientUsdc              string `json:"recipientUsdc"`
}

// TestViemInterop: the official viem client reads, signs and sends against
// the dev chain served on a loopback port, and everything it sees matches
// what Go sees.
func TestViemInterop(t *testing.T) {
	dir := nodetest.Dir(t, "viem")
	e := newEnv(t)
	url := serve(t, e.c)
	sender, payer := e.accts[0], e.accts[1]
	recipient := common.HexToAddress("0x000000000000000000000000000000000000A11E")

	// What Go reads before viem changes anything.
	ctx := context.Background()
	eth0, err := e.c.EthClient().BalanceAt(ctx, sender.Address, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := viemReport{
		ChainID: chain.DefaultChainID, SenderEth: eth0.String(),
		SenderUsdc: e.balance(e.usdc, sender.Address).String(), SenderObol: e.balance(e.obol, sender.Address).String(),
		UsdcDecimals: 6, UsdcName: "USDC", UsdcVersion: "2",
		TransferStatus: "success", AuthStatus: "success", AuthUsed: true,
		RecipientUsdc: "1750000", // 1.5 USDC transfer + 0.25 USDC authorization
	}
	pd := permit2Domain(e.c.ChainID())
	p2, err := (&apitypes.TypedData{Types: apitypes.Types{"EIP712Domain": permit2DomainType}, Domain: pd}).HashStruct("EIP712Domain", pd.Map())
	if err != nil {
		t.Fatal(err)
	}
	want.Permit2DomainSeparator, want.Permit2DomainSeparatorViem = hexutil.Encode(p2), hexutil.Encode(p2)
	ud := tokenDomain("USDC", "2", e.c.ChainID(), common.HexToAddress("0x036CbD53842c5426634e7929541eC2318f3dCF7e"))
	us, err := (&apitypes.TypedData{Types: apitypes.Types{"EIP712Domain": eip712Domain}, Domain: ud}).HashStruct("EIP712Domain", ud.Map())
	if err != nil {
		t.Fatal(err)
	}
	want.UsdcDomainSeparator, want.UsdcDomainSeparatorViem = hexutil.Encode(us), hexutil.Encode(us)

	nctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	key := func(a chain.DevAccount) string { return "0x" + hex.EncodeToString(crypto.FromECDSA(a.Key)) }
	cmd := exec.CommandContext(nctx, "node", "viem-chain.mjs", url, key(sender), key(payer), recipient.Hex())
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("viem script: %v\n%s", err, stderr.String())
	}
	var got viemReport
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("viem script output: %v\n%s", err, out)
	}
	ignore := func(r viemReport) viemReport { r.TransferTx, r.AuthTx, r.AuthNonce = "", "", ""; return r }
	if diff := cmp.Diff(want, ignore(got)); diff != "" {
		t.Errorf("what viem saw (-go +viem):\n%s", diff)
	}

	// And Go sees viem's writes.
	if b := e.balance(e.usdc, recipient); b.Cmp(big.NewInt(1_750_000)) != 0 {
		t.Errorf("recipient USDC read by Go = %s, want 1750000", b)
	}
	var nonce [32]byte
	copy(nonce[:], common.FromHex(got.AuthNonce))
	if used, err := e.usdc.AuthorizationState(&bind.CallOpts{}, payer.Address, nonce); err != nil || !used {
		t.Errorf("authorizationState of viem's nonce = %v, %v", used, err)
	}
	for _, h := range []string{got.TransferTx, got.AuthTx} {
		rc, err := e.c.EthClient().TransactionReceipt(ctx, common.HexToHash(h))
		if err != nil || rc.Status != 1 {
			t.Errorf("receipt of viem's tx %s = %+v, %v", h, rc, err)
		}
	}
}
