package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/stack"
)

func newStackCmd(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "stack",
		Short: "Initialise, run and inspect the local stack",
	}
	cmd.AddCommand(newStackInitCmd(g))
	return cmd
}

func newStackInitCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create the data dir, default config, master key and wallet (keeps what exists)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			res, err := stack.Init(g.DataDir)
			if err != nil {
				return err
			}
			created := "nothing new (already initialised)"
			if len(res.Created) > 0 {
				created = "created " + strings.Join(res.Created, ", ")
			}
			return g.emit(fmt.Sprintf("data dir %s: %s\nwallet %s\nnext: obol stack up", res.DataDir, created, res.WalletAddress), res)
		},
	}
}
