package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/internal/chain"
)

const defaultChainRPC = "http://127.0.0.1:8545"

func newChainCmd(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "chain",
		Short: "Run and inspect the local dev chain (USDC, OBOL, Permit2, x402 proxy, ERC-8004 registry)",
	}
	cmd.AddCommand(newChainUpCmd(g), newChainStatusCmd(g), newChainFundCmd(g))
	return cmd
}

type chainContract struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	Present *bool  `json:"present,omitempty"`
}

type chainAccount struct {
	Address    string `json:"address"`
	PrivateKey string `json:"privateKey"`
}

type chainUpInfo struct {
	URL       string          `json:"url"`
	ChainID   uint64          `json:"chainId"`
	CAIP2     string          `json:"caip2"`
	Persisted bool            `json:"persisted"`
	DataDir   string          `json:"dataDir,omitempty"`
	Block     uint64          `json:"block"`
	Contracts []chainContract `json:"contracts"`
	Mnemonic  string          `json:"mnemonic"`
	Accounts  []chainAccount  `json:"accounts"`
}

func contractList() []chainContract {
	var out []chainContract
	for _, p := range contracts.Predeploys() {
		out = append(out, chainContract{Name: p.Contract, Address: p.Address.Hex()})
	}
	return out
}

func newChainUpCmd(g *Globals) *cobra.Command {
	var (
		listen    string
		chainID   uint64
		ephemeral bool
	)
	cmd := &cobra.Command{
		Use:   "up",
		Short: "Run the dev chain in the foreground until Ctrl-C",
		Long: "Runs the dev chain's JSON-RPC on --listen. Its state is kept in <data-dir>/chain and\n" +
			"resumes on the next start (the stack's embedded chain uses the same directory, so\n" +
			"run one or the other); --ephemeral keeps it in memory and writes nothing.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runChainUp(cmd.Context(), g, listen, chainID, ephemeral)
		},
	}
	cmd.Flags().StringVar(&listen, "listen", "127.0.0.1:8545", "address to serve JSON-RPC on")
	cmd.Flags().Uint64Var(&chainID, "chain-id", chain.DefaultChainID, "chain id")
	cmd.Flags().BoolVar(&ephemeral, "ephemeral", false, "keep the chain in memory: nothing is written and nothing resumes")
	return cmd
}

func runChainUp(ctx context.Context, g *Globals, listen string, chainID uint64, ephemeral bool) error {
	if chainID == 0 {
		return errors.New("--chain-id must be positive")
	}
	dir := filepath.Join(g.DataDir, "chain")
	if ephemeral {
		dir = ""
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another chain running? use --listen)", listen, err)
	}
	c, err := chain.New(chain.Options{ChainID: chainID, DataDir: dir, Logger: g.Logger()})
	if err != nil {
		ln.Close()
		return err
	}
	defer c.Close()
	serveErr := make(chan error, 1)
	go func() { serveErr <- c.Serve(ctx, ln) }()

	block, err := c.EthClient().BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("read head block: %w", err)
	}
	info := chainUpInfo{
		URL: "http://" + ln.Addr().String(), ChainID: chainID, CAIP2: fmt.Sprintf("eip155:%d", chainID),
		Persisted: dir != "", DataDir: dir, Block: block, Contracts: contractList(), Mnemonic: chain.DevMnemonic,
	}
	for _, a := range chain.DevAccounts() {
		info.Accounts = append(info.Accounts, chainAccount{Address: a.Address.Hex(), PrivateKey: hexutil.Encode(crypto.FromECDSA(a.Key))})
	}
	if err := g.emit(chainUpHuman(info), info); err != nil {
		return err
	}
	err = <-serveErr
	g.progress("dev chain stopped")
	return err
}

func chainUpHuman(i chainUpInfo) string {
	var b strings.Builder
	fmt.Fprintf(&b, "dev chain listening on %s\n", i.URL)
	fmt.Fprintf(&b, "chain id   %d (%s)\n", i.ChainID, i.CAIP2)
	if i.Persisted {
		fmt.Fprintf(&b, "state      %s (resumed at block %d)\n", i.DataDir, i.Block)
	} else {
		fmt.Fprintf(&b, "state      in memory (--ephemeral)\n")
	}
	b.WriteString("\ncontracts\n")
	for _, c := range i.Contracts {
		fmt.Fprintf(&b, "  %-22s %s\n", c.Name, c.Address)
	}
	fmt.Fprintf(&b, "\ndev accounts (mnemonic %q; %d ETH, %d USDC and %d OBOL each at genesis)\n",
		i.Mnemonic, chain.DevETHPerAccount, chain.DevUSDCPerAccount, chain.DevOBOLPerAccount)
	for n, a := range i.Accounts {
		fmt.Fprintf(&b, "  (%d) %s  %s\n", n, a.Address, a.PrivateKey)
	}
	b.WriteString("\nCtrl-C stops the chain.")
	return b.String()
}

type chainStatus struct {
	RPC       string          `json:"rpc"`
	ChainID   uint64          `json:"chainId"`
	Block     uint64          `json:"block"`
	Time      time.Time       `json:"time"`
	Contracts []chainContract `json:"contracts"`
}

func newChainStatusCmd(g *Globals) *cobra.Command {
	var rpcURL string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show a chain's id, head block and which obol contracts it has",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, cancel := context.WithTimeout(cmd.Context(), 10*time.Second)
			defer cancel()
			ec, err := dialChain(ctx, rpcURL)
			if err != nil {
				return err
			}
			defer ec.Close()
			id, err := ec.ChainID(ctx)
			if err != nil {
				return fmt.Errorf("read chain id from %s: %w (is the chain running? start it with `obol chain up`)", rpcURL, err)
			}
			head, err := ec.HeaderByNumber(ctx, nil)
			if err != nil {
				return fmt.Errorf("read head block from %s: %w", rpcURL, err)
			}
			st := chainStatus{RPC: rpcURL, ChainID: id.Uint64(), Block: head.Number.Uint64(), Time: time.Unix(int64(head.Time), 0).UTC()}
			for _, c := range contractList() {
				code, err := ec.CodeAt(ctx, common.HexToAddress(c.Address), nil)
				if err != nil {
					return fmt.Errorf("read code at %s: %w", c.Address, err)
				}
				present := len(code) > 0
				c.Present = &present
				st.Contracts = append(st.Contracts, c)
			}
			return g.emit(chainStatusHuman(st), st)
		},
	}
	cmd.Flags().StringVar(&rpcURL, "rpc", defaultChainRPC, "JSON-RPC URL of the chain")
	return cmd
}

func chainStatusHuman(s chainStatus) string {
	var b strings.Builder
	fmt.Fprintf(&b, "chain %s\nchain id   %d\nblock      %d at %s\n\ncontracts\n", s.RPC, s.ChainID, s.Block, s.Time.Format(time.RFC3339))
	for _, c := range s.Contracts {
		state := "missing"
		if *c.Present {
			state = "present"
		}
		fmt.Fprintf(&b, "  %-22s %s  %s\n", c.Name, c.Address, state)
	}
	return strings.TrimRight(b.String(), "\n")
}

type chainFundResult struct {
	To       string `json:"to"`
	Token    string `json:"token"`
	Amount   string `json:"amount"`
	Atomic   string `json:"atomicAmount"`
	TxHash   string `json:"txHash"`
	Decimals int    `json:"decimals"`
}

func newChainFundCmd(g *Globals) *cobra.Command {
	var rpcURL, token, amount string
	cmd := &cobra.Command{
		Use:   "fund <address>",
		Short: "Give an address ETH, USDC or OBOL on a dev chain",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !common.IsHexAddress(args[0]) {
				return fmt.Errorf("%q is not an address: want 0x followed by 40 hex digits", args[0])
			}
			to := common.HexToAddress(args[0])
			tok, err := chain.LookupToken(token)
			if err != nil {
				return err
			}
			atomic, err := chain.ParseUnits(amount, tok.Decimals)
			if err != nil {
				return fmt.Errorf("--amount: %w", err)
			}
			if atomic.Sign() == 0 {
				return errors.New("--amount must be more than zero")
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), 30*time.Second)
			defer cancel()
			ec, err := dialChain(ctx, rpcURL)
			if err != nil {
				return err
			}
			defer ec.Close()
			h, err := chain.FundVia(ctx, ec, to, tok.Symbol, atomic)
			if err != nil {
				return err
			}
			res := chainFundResult{To: to.Hex(), Token: tok.Symbol, Amount: chain.FormatUnits(atomic, tok.Decimals),
				Atomic: atomic.String(), TxHash: h.Hex(), Decimals: tok.Decimals}
			return g.emit(fmt.Sprintf("sent %s %s to %s (tx %s)", res.Amount, res.Token, res.To, res.TxHash), res)
		},
	}
	cmd.Flags().StringVar(&rpcURL, "rpc", defaultChainRPC, "JSON-RPC URL of the dev chain")
	cmd.Flags().StringVar(&token, "token", "USDC", "token to give: ETH, USDC or OBOL")
	cmd.Flags().StringVar(&amount, "amount", "", "amount in whole tokens, a decimal such as 10 or 0.5 (required)")
	_ = cmd.MarkFlagRequired("amount")
	return cmd
}

func dialChain(ctx context.Context, url string) (*ethclient.Client, error) {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return nil, fmt.Errorf("--rpc %q: want an http:// or https:// URL", url)
	}
	ec, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", url, err)
	}
	return ec, nil
}
