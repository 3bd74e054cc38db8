package purchase

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
)

// Errors of Presign, checked with errors.Is.
var (
	ErrCount               = errors.New("count out of range")
	ErrCatalogMismatch     = errors.New("catalog and 402 disagree")
	ErrPriceAboveMax       = errors.New("price above --max-price")
	ErrInsufficientBalance = errors.New("insufficient balance")
	ErrAllowanceRequired   = errors.New("Permit2 allowance required")
)

// DefaultAuthTTL is how long pre-signed auths stay valid when the caller
// does not say: long enough for a pool to be used up, bounded so a leaked
// pool dies on its own.
const DefaultAuthTTL = 30 * 24 * time.Hour

// PresignOptions is one `obol buy` signing run.
type PresignOptions struct {
	Signer    wallet.Signer         // required; the only holder of the key
	Service   *CatalogService       // the seller's catalog entry (required)
	Challenge *x402.PaymentRequired // the 402 the offer answered (required)
	Chain     ChainReader           // balance and allowance (required)
	Count     int                   // 1..2500
	MaxPrice  *big.Int              // atomic units; nil = no limit
	TTL       time.Duration         // validBefore / deadline from Now; default DefaultAuthTTL
	Now       func() time.Time      // default time.Now
	Progress  func(done, total int) // called after each signature; may be nil
	// Reserved is what unspent auths of this wallet already promise, in
	// atomic units of the same asset (a refill passes remaining × price):
	// balance and allowance must cover it plus the new auths.
	Reserved *big.Int
	// Approve, when set, is called (once) if a Permit2 payment lacks the
	// token allowance to Permit2; it should ask the user and send
	// approve(Permit2, amount). Without it a missing allowance is
	// ErrAllowanceRequired.
	Approve func(ctx context.Context, token common.Address, amount *big.Int) error
}

// PresignResult is what the PurchaseRequest is made of.
type PresignResult struct {
	Requirements x402.PaymentRequirements
	Payment      v1alpha1.PurchasePayment
	Auths        []v1alpha1.PreSignedAuth
	Balance      *big.Int
}

// Presign validates the seller's terms and signs opts.Count authorizations.
// Every check runs before the first signature, so a refusal signs nothing.
// Payloads use validAfter 0 (never the host clock: a dev chain's clock lags
// wall time) and a bounded validBefore / deadline.
func Presign(ctx context.Context, opts PresignOptions) (*PresignResult, error) {
	if opts.Count < v1alpha1.MinPurchaseCount || opts.Count > v1alpha1.MaxPurchaseCount {
		return nil, fmt.Errorf("%w: %d; buy between %d and %d authorizations", ErrCount, opts.Count, v1alpha1.MinPurchaseCount, v1alpha1.MaxPurchaseCount)
	}
	if opts.Signer == nil || opts.Service == nil || opts.Challenge == nil || opts.Chain == nil {
		return nil, errors.New("presign: signer, catalog service, 402 challenge and chain reader are required")
	}
	req, err := chooseRequirements(opts.Service, opts.Challenge)
	if err != nil {
		return nil, err
	}
	price, _ := new(big.Int).SetString(req.Amount, 10)
	if price == nil || price.Sign() <= 0 {
		return nil, fmt.Errorf("%w: price %q is not a positive integer", ErrCatalogMismatch, req.Amount)
	}
	if opts.MaxPrice != nil && price.Cmp(opts.MaxPrice) > 0 {
		return nil, fmt.Errorf("%w: the seller asks %s, the limit is %s (%s)", ErrPriceAboveMax,
			formatAtomic(price, opts.Service), formatAtomic(opts.MaxPrice, opts.Service), opts.Service.Asset.Symbol)
	}
	total := new(big.Int).Mul(price, big.NewInt(int64(opts.Count)))
	if opts.Reserved != nil && opts.Reserved.Sign() > 0 {
		total.Add(total, opts.Reserved)
	}
	owner, asset := opts.Signer.Address(), common.HexToAddress(req.Asset)
	bal, err := opts.Chain.BalanceOf(ctx, asset, owner)
	if err != nil {
		return nil, fmt.Errorf("presign: read balance: %w", err)
	}
	if bal.Cmp(total) < 0 {
		need := fmt.Sprintf("%d × %s", opts.Count, formatAtomic(price, opts.Service))
		if opts.Reserved != nil && opts.Reserved.Sign() > 0 {
			need += " + " + formatAtomic(opts.Reserved, opts.Service) + " promised by unspent auths"
		}
		return nil, fmt.Errorf("%w: %s holds %s, %s needs %s; fund the wallet or buy fewer", ErrInsufficientBalance,
			owner.Hex(), formatAtomic(bal, opts.Service), need, formatAtomic(total, opts.Service))
	}
	if req.TransferMethod() == x402.TransferPermit2 {
		if err := ensureAllowance(ctx, opts, asset, owner, total); err != nil {
			return nil, err
		}
	}
	auths, err := signAll(ctx, opts, req)
	if err != nil {
		return nil, err
	}
	return &PresignResult{Requirements: req, Payment: paymentSpec(req, opts.Service), Auths: auths, Balance: bal}, nil
}

// chooseRequirements picks the 402 option that is exactly what the catalog
// advertises. When none is, the error lists every difference.
func chooseRequirements(svc *CatalogService, ch *x402.PaymentRequired) (x402.PaymentRequirements, error) {
	want, err := svc.Requirements()
	if err != nil {
		return x402.PaymentRequirements{}, fmt.Errorf("%w: %v", ErrCatalogMismatch, err)
	}
	var diffs []string
	for i := range ch.Accepts {
		d := Diff("catalog", &want, &ch.Accepts[i])
		if len(d) == 0 {
			return ch.Accepts[i], nil
		}
		diffs = append(diffs, fmt.Sprintf("accepts[%d]: %s", i, strings.Join(d, "; ")))
	}
	return x402.PaymentRequirements{}, fmt.Errorf("%w: %s", ErrCatalogMismatch, strings.Join(diffs, " | "))
}

func ensureAllowance(ctx context.Context, opts PresignOptions, asset, owner common.Address, total *big.Int) error {
	allow, err := opts.Chain.Allowance(ctx, asset, owner, x402.Permit2Address)
	if err != nil {
		return fmt.Errorf("presign: read Permit2 allowance: %w", err)
	}
	if allow.Cmp(total) >= 0 {
		return nil
	}
	if opts.Approve == nil {
		return fmt.Errorf("%w: %s allows Permit2 %s, the purchase needs %s; approve Permit2 (%s) on the token first",
			ErrAllowanceRequired, owner.Hex(), allow, total, x402.Permit2Address.Hex())
	}
	if err := opts.Approve(ctx, asset, total); err != nil {
		return fmt.Errorf("presign: approve Permit2: %w", err)
	}
	allow, err = opts.Chain.Allowance(ctx, asset, owner, x402.Permit2Address)
	if err != nil {
		return fmt.Errorf("presign: read Permit2 allowance: %w", err)
	}
	if allow.Cmp(total) < 0 {
		return fmt.Errorf("%w: still %s after approving, need %s", ErrAllowanceRequired, allow, total)
	}
	return nil
}

func signAll(ctx context.Context, opts PresignOptions, req x402.PaymentRequirements) ([]v1alpha1.PreSignedAuth, error) {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	ttl := opts.TTL
	if ttl <= 0 {
		ttl = DefaultAuthTTL
	}
	signer := opts.Signer
	auths := make([]v1alpha1.PreSignedAuth, 0, opts.Count)
	for i := range opts.Count {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("presign: stopped after %d of %d: %w", i, opts.Count, err)
		}
		var nonce [32]byte
		if _, err := rand.Read(nonce[:]); err != nil {
			return nil, fmt.Errorf("presign: draw nonce: %w", err)
		}
		so := x402.SignOptions{Now: now(), ValidAfter: new(big.Int),
			ValidBefore: big.NewInt(now().Add(ttl).Unix()), Nonce: new(big.Int).SetBytes(nonce[:])}
		var p *x402.PaymentPayload
		var err error
		if req.TransferMethod() == x402.TransferPermit2 {
			p, err = x402.SignPermit2(ctx, signer, req, so)
		} else {
			p, err = x402.SignERC3009(ctx, signer, req, so)
		}
		if err != nil {
			return nil, fmt.Errorf("presign: auth %d of %d: %w", i+1, opts.Count, err)
		}
		// The id is the nonce: unique per payer, and what the chain knows the auth by.
		a, err := MarshalPayment(hexutil.Encode(nonce[:]), p)
		if err != nil {
			return nil, err
		}
		auths = append(auths, a)
		if opts.Progress != nil {
			opts.Progress(i+1, opts.Count)
		}
	}
	return auths, nil
}

func paymentSpec(req x402.PaymentRequirements, svc *CatalogService) v1alpha1.PurchasePayment {
	return v1alpha1.PurchasePayment{Network: req.Network, PayTo: common.HexToAddress(req.PayTo).Hex(), Price: req.Amount,
		Asset: common.HexToAddress(req.Asset).Hex(), AssetSymbol: svc.Asset.Symbol, AssetDecimals: int32(svc.Asset.Decimals),
		TransferMethod: v1alpha1.TransferMethod(req.TransferMethod()), EIP712Name: req.ExtraString("name"),
		EIP712Version: req.ExtraString("version")}
}

func formatAtomic(v *big.Int, svc *CatalogService) string {
	if svc.Asset.Decimals <= 0 || svc.Asset.Decimals > 255 {
		return v.String()
	}
	return x402.FormatAmount(v, uint8(svc.Asset.Decimals)) + " " + svc.Asset.Symbol
}
