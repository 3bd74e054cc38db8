package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// errDemoNotBuilt is what `obol demo` says until the stack and buyer land.
var errDemoNotBuilt = errors.New("the demo is not built yet: it needs the stack (issue 7), the seller (issue 5) and the buyer (issue 6). " +
	"What works today: `obol chain up` (dev chain with USDC, OBOL, Permit2, the x402 proxy and the ERC-8004 registry) and `make test`")

func newDemoCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Run the whole sell → discover → buy → pay → settle loop on a dev chain",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return &ExitError{Code: 2, Err: errDemoNotBuilt}
		},
	}
}
