package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/stack"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
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
		newWalletBalanceCmd(g),
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

type balanceRow struct {
	Token   string `json:"token"`
	Address string `json:"address,omitempty"`
	Atomic  string `json:"atomic"`
	Amount  string `json:"amount"`
}

func newWalletBalanceCmd(g *Globals) *cobra.Command {
	var token, rpcURL string
	cmd := &cobra.Command{
		Use:   "balance [--token ETH|USDC|OBOL]",
		Short: "Show the wallet's balances on the stack's chain",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			addr, err := wallet.Address(g.walletOptions())
			if err != nil {
				return err
			}
			rows, network, err := g.balances(cmd.Context(), addr, strings.ToUpper(token), rpcURL)
			if err != nil {
				return err
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s on %s", addr.Hex(), network)
			for _, r := range rows {
				fmt.Fprintf(&b, "\n  %-5s %s", r.Token, r.Amount)
			}
			return g.emit(b.String(), map[string]any{"address": addr.Hex(), "network": network, "balances": rows})
		},
	}
	cmd.Flags().StringVar(&token, "token", "", "one token only: ETH, USDC or OBOL (default: all)")
	cmd.Flags().StringVar(&rpcURL, "rpc", "", "JSON-RPC URL (default: the running stack's chain, or chain.rpc in the config)")
	return cmd
}

// balances reads ETH and the network's registered tokens for addr.
func (g *Globals) balances(ctx context.Context, addr common.Address, only, rpcURL string) ([]balanceRow, string, error) {
	cfg, err := g.loadConfig(nil)
	if err != nil {
		return nil, "", err
	}
	reg, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		return nil, "", err
	}
	n, err := reg.Network(cfg.Chain.Network)
	if err != nil {
		return nil, "", err
	}
	var ec *ethclient.Client
	if rpcURL != "" {
		ec, err = ethclient.DialContext(ctx, rpcURL)
	} else {
		e, _ := stack.ReadEndpoints(g.DataDir)
		ec, err = g.rpcFor(e)(n.CAIP2)
	}
	if err != nil {
		return nil, "", err
	}
	defer ec.Close()
	var rows []balanceRow
	if only == "" || only == "ETH" {
		wei, err := ec.BalanceAt(ctx, addr, nil)
		if err != nil {
			return nil, "", fmt.Errorf("read ETH balance: %w", err)
		}
		rows = append(rows, balanceRow{Token: "ETH", Atomic: wei.String(), Amount: x402.FormatAmount(wei, 18)})
	}
	reader, err := purchase.NewEthReader(ec)
	if err != nil {
		return nil, "", err
	}
	for _, t := range reg.Tokens(n.CAIP2) {
		if only != "" && only != t.Symbol {
			continue
		}
		bal, err := reader.BalanceOf(ctx, t.Address, addr)
		if err != nil {
			return nil, "", fmt.Errorf("read %s balance: %w", t.Symbol, err)
		}
		rows = append(rows, balanceRow{Token: t.Symbol, Address: t.Address.Hex(), Atomic: bal.String(), Amount: x402.FormatAmount(bal, t.Decimals)})
	}
	if len(rows) == 0 {
		return nil, "", fmt.Errorf("--token %s: not a token on %s; use ETH, USDC or OBOL", only, n.Name)
	}
	return rows, n.Name, nil
}
