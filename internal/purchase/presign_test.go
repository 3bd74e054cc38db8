package purchase

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// countingSigner counts signatures so a refusal can be shown to sign nothing.
type countingSigner struct {
	wallet.Signer
	n atomic.Int64
}

func (c *countingSigner) SignHash(ctx context.Context, d [32]byte) ([]byte, error) {
	c.n.Add(1)
	return c.Signer.SignHash(ctx, d)
}

func newDevChain(t *testing.T) (*chain.Chain, *EthReader) {
	t.Helper()
	c, err := chain.New(chain.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	r, err := NewEthReader(c.EthClient())
	if err != nil {
		t.Fatal(err)
	}
	return c, r
}

var payTo = chain.DevAccounts()[2].Address

func service(symbol string) *CatalogService {
	s := &CatalogService{Name: "qwen", Endpoint: "http://seller/services/qwen", PayTo: payTo.Hex(), CAIP2Network: "eip155:1337"}
	switch symbol {
	case "USDC":
		s.PriceAtomicUnits = "1000"
		s.Asset = CatalogAsset{Address: "0x036CbD53842c5426634e7929541eC2318f3dCF7e", Symbol: "USDC", Decimals: 6, TransferMethod: "eip3009"}
		s.Asset.EIP712Domain.Name, s.Asset.EIP712Domain.Version = "USDC", "2"
	default:
		s.PriceAtomicUnits = "1000000000000000"
		s.Asset = CatalogAsset{Address: "0x0a09371a8b011d5110656ceBCc70603e53FD2c78", Symbol: "OBOL", Decimals: 18, TransferMethod: "permit2"}
		s.Asset.EIP712Domain.Name, s.Asset.EIP712Domain.Version = "Obol Network", "1"
	}
	return s
}

func challengeFor(t *testing.T, svc *CatalogService) *x402.PaymentRequired {
	req, err := svc.Requirements()
	if err != nil {
		t.Fatal(err)
	}
	req.MaxTimeoutSeconds = 300
	return &x402.PaymentRequired{X402Version: 2, Accepts: []x402.PaymentRequirements{req}}
}

func TestPresignRefusals(t *testing.T) {
	_, reader := newDevChain(t)
	funded := wallet.NewKeySigner(chain.DevAccounts()[1].Key)
	tests := []struct {
		name    string
		mod     func(*PresignOptions)
		wantErr error
		wantMsg string
	}{
		{"count 0", func(o *PresignOptions) { o.Count = 0 }, ErrCount, "between 1 and 2500"},
		{"count 2501", func(o *PresignOptions) { o.Count = 2501 }, ErrCount, "2501"},
		{"catalog price differs", func(o *PresignOptions) { o.Challenge.Accepts[0].Amount = "2000" }, ErrCatalogMismatch, "price: catalog 1000, 402 2000"},
		{"catalog payTo differs", func(o *PresignOptions) { o.Challenge.Accepts[0].PayTo = "0x0000000000000000000000000000000000000001" }, ErrCatalogMismatch, "payTo"},
		{"catalog network differs", func(o *PresignOptions) { o.Challenge.Accepts[0].Network = "eip155:84532" }, ErrCatalogMismatch, "network"},
		{"above max price", func(o *PresignOptions) { o.MaxPrice = big.NewInt(999) }, ErrPriceAboveMax, "0.001 USDC"},
		{"insufficient balance", func(o *PresignOptions) {
			o.Signer = &countingSigner{Signer: x402test.Signer(t, "pauper")}
		}, ErrInsufficientBalance, "holds 0 USDC"},
		{"balance promised to unspent auths", func(o *PresignOptions) {
			bal, err := reader.BalanceOf(context.Background(), common.HexToAddress(o.Challenge.Accepts[0].Asset), funded.Address())
			if err != nil {
				t.Fatal(err)
			}
			o.Reserved = bal // the whole balance is already promised
		}, ErrInsufficientBalance, "promised by unspent auths"},
		{"permit2 without allowance", func(o *PresignOptions) {
			o.Service = service("OBOL")
			o.Challenge = challengeFor(t, o.Service)
		}, ErrAllowanceRequired, "approve Permit2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := &countingSigner{Signer: funded}
			svc := service("USDC")
			o := PresignOptions{Signer: cs, Service: svc, Challenge: challengeFor(t, svc), Chain: reader, Count: 5}
			tc.mod(&o)
			res, err := Presign(context.Background(), o)
			if !errors.Is(err, tc.wantErr) || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("err %v, want %v with %q", err, tc.wantErr, tc.wantMsg)
			}
			if res != nil || cs.n.Load() != 0 {
				t.Errorf("a refusal signed %d auths", cs.n.Load())
			}
			if c, ok := o.Signer.(*countingSigner); ok && c.n.Load() != 0 {
				t.Errorf("a refusal signed %d auths", c.n.Load())
			}
		})
	}
}

func TestPresignERC3009(t *testing.T) {
	_, reader := newDevChain(t)
	svc := service("USDC")
	var progress []int
	now := time.Now()
	res, err := Presign(context.Background(), PresignOptions{Signer: wallet.NewKeySigner(chain.DevAccounts()[1].Key), Service: svc,
		Challenge: challengeFor(t, svc), Chain: reader, Count: 3, MaxPrice: big.NewInt(1000), TTL: time.Hour,
		Progress: func(done, total int) { progress = append(progress, done*10+total) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Auths) != 3 || len(progress) != 3 || progress[2] != 33 {
		t.Fatalf("auths %d progress %v", len(res.Auths), progress)
	}
	if res.Payment.Price != "1000" || res.Payment.TransferMethod != "eip3009" || res.Payment.EIP712Name != "USDC" {
		t.Errorf("payment spec %+v", res.Payment)
	}
	seen := map[string]bool{}
	for _, a := range res.Auths {
		pa, err := ParseAuth(a)
		if err != nil {
			t.Fatal(err)
		}
		ep := x402test.Exact(t, pa.Payload)
		if ep.Authorization.ValidAfter != "0" {
			t.Errorf("validAfter %s, want 0 (never the host clock)", ep.Authorization.ValidAfter)
		}
		if d := pa.Expires.Sub(now); d < 59*time.Minute || d > 61*time.Minute {
			t.Errorf("validBefore %v from now, want the 1h TTL", d)
		}
		if seen[pa.Key()] || seen[a.ID] {
			t.Errorf("nonce or id reused")
		}
		seen[pa.Key()], seen[a.ID] = true, true
		used, err := pa.Consumed(context.Background(), reader)
		if err != nil || used {
			t.Errorf("fresh auth consumed=%v err=%v", used, err)
		}
	}
}

func TestPresignPermit2WithApproval(t *testing.T) {
	c, reader := newDevChain(t)
	acct := chain.DevAccounts()[3]
	svc := service("OBOL")
	approvals := 0
	approve := func(ctx context.Context, token common.Address, amount *big.Int) error {
		approvals++
		tok, err := bindings.NewDevOBOL(token, c.EthClient())
		if err != nil {
			return err
		}
		auth, err := bind.NewKeyedTransactorWithChainID(acct.Key, c.ChainID())
		if err != nil {
			return err
		}
		tx, err := tok.Approve(auth, x402.Permit2Address, amount)
		if err != nil {
			return err
		}
		_, err = bind.WaitMined(ctx, c.EthClient(), tx)
		return err
	}
	res, err := Presign(context.Background(), PresignOptions{Signer: wallet.NewKeySigner(acct.Key), Service: svc,
		Challenge: challengeFor(t, svc), Chain: reader, Count: 2, Approve: approve})
	if err != nil {
		t.Fatal(err)
	}
	if approvals != 1 || len(res.Auths) != 2 {
		t.Fatalf("approvals %d auths %d", approvals, len(res.Auths))
	}
	for _, a := range res.Auths {
		pa, err := ParseAuth(a)
		if err != nil {
			t.Fatal(err)
		}
		ep := x402test.Exact(t, pa.Payload)
		if ep.Permit2Authorization.Witness.ValidAfter != "0" {
			t.Errorf("witness.validAfter %s, want 0", ep.Permit2Authorization.Witness.ValidAfter)
		}
		used, err := pa.Consumed(context.Background(), reader)
		if err != nil || used {
			t.Errorf("fresh Permit2 auth consumed=%v err=%v", used, err)
		}
	}
	// A second purchase finds the allowance and does not approve again.
	if _, err := Presign(context.Background(), PresignOptions{Signer: wallet.NewKeySigner(acct.Key), Service: svc,
		Challenge: challengeFor(t, svc), Chain: reader, Count: 1, Approve: approve}); err != nil || approvals != 1 {
		t.Fatalf("second presign: err %v, approvals %d", err, approvals)
	}
}
