package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/stack"
	"github.com/obol-dev/obol/internal/wallet"
)

// walletOptions locates the stack's wallet in the data dir.
func (g *Globals) walletOptions() wallet.Options { return stack.WalletOptions(g.DataDir) }

type walletInfo struct {
	Address  string `json:"address"`
	Keystore string `json:"keystore"`
}

func newWalletCmd(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "wallet",
		Short: "Create, import and inspect the stack's signing wallet",
		Long: "The wallet is a Web3 secret-storage keystore at <data-dir>/keys/wallet.json (mode 0600),\n" +
			"unlocked with $" + wallet.PasswordEnv + " (empty when unset). It signs payment authorizations\n" +
			"before they are handed to the buyer proxy, which never holds a key.",
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "new",
			Short: "Generate a new key (refuses to replace an existing one)",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				addr, err := wallet.Create(g.walletOptions())
				if err != nil {
					return err
				}
				return g.emitWallet("created wallet", addr.Hex())
			},
		},
		newWalletImportCmd(g),
		&cobra.Command{
			Use:   "address",
			Short: "Print the wallet's address",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				addr, err := wallet.Address(g.walletOptions())
				if err != nil {
					return err
				}
				return g.emitWallet("", addr.Hex())
			},
		},
	)
	return cmd
}

func newWalletImportCmd(g *Globals) *cobra.Command {
	var keyFile string
	cmd := &cobra.Command{
		Use:   "import --private-key-file F",
		Short: "Import a hex private key from a file into the keystore",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			addr, err := wallet.Import(g.walletOptions(), keyFile)
			if err != nil {
				return err
			}
			return g.emitWallet("imported wallet", addr.Hex())
		},
	}
	cmd.Flags().StringVar(&keyFile, "private-key-file", "", "file holding the hex private key (required)")
	_ = cmd.MarkFlagRequired("private-key-file")
	return cmd
}

func (g *Globals) emitWallet(verb, addr string) error {
	info := walletInfo{Address: addr, Keystore: filepath.Join(g.walletOptions().Dir, wallet.FileName)}
	human := addr
	if verb != "" {
		human = fmt.Sprintf("%s %s (keystore %s)", verb, addr, info.Keystore)
	}
	return g.emit(human, info)
}
