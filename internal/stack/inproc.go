package stack

import (
	"context"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/seller"
)

// inprocFacilitator lets the seller call the embedded facilitator without
// a loopback HTTP hop; a remote facilitator uses seller.HTTPFacilitator.
type inprocFacilitator struct{ f *facilitator.Facilitator }

func (i inprocFacilitator) Verify(ctx context.Context, req *seller.FacilitatorRequest) (*x402.VerifyResponse, error) {
	return i.f.Verify(ctx, req.Payload, &req.Requirements), nil
}

func (i inprocFacilitator) Settle(ctx context.Context, req *seller.FacilitatorRequest) (*x402.SettleResponse, error) {
	return i.f.Settle(ctx, req.Payload, &req.Requirements)
}
