package cli

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/config"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/stack"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
)

type facilitatorFlags struct {
	listen, rpc, keyFile, passwordFile, network string
	receiptTimeout, journalRetention            time.Duration
}

func newFacilitatorCmd(g *Globals) *cobra.Command {
	var f facilitatorFlags
	cmd := &cobra.Command{
		Use:   "facilitator",
		Short: "Run the x402 facilitator (/supported, /verify, /settle) on its own",
		Long: "Verifies x402 exact-scheme payments (ERC-3009 and Permit2) and settles them on chain from the\n" +
			"key in --key-file, which pays the gas. Settlements are journaled in the data dir's database, so\n" +
			"a restart finishes pending ones and never submits a payment twice. /metrics serves Prometheus metrics.",
		Example: "  obol facilitator --listen 127.0.0.1:8403 --rpc http://127.0.0.1:8545 --key-file facilitator.key",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return g.runFacilitator(cmd.Context(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", "127.0.0.1:8403", "address to serve the facilitator API on")
	fl.StringVar(&f.rpc, "rpc", "", "JSON-RPC URL of the chain to settle on (required)")
	fl.StringVar(&f.keyFile, "key-file", "", "file with the settlement key: a hex private key or a Web3 keystore JSON (required)")
	fl.StringVar(&f.passwordFile, "password-file", "", "file with the keystore password (default: $"+wallet.PasswordEnv+")")
	fl.StringVar(&f.network, "network", "", "network name or CAIP-2 id of --rpc (default: found from the chain id)")
	fl.DurationVar(&f.receiptTimeout, "receipt-timeout", 20*time.Second, "how long /settle waits for a receipt before answering settlement_pending")
	fl.DurationVar(&f.journalRetention, "journal-retention", time.Duration(config.DefaultJournalRetention),
		"how long final settlement records (mined, failed) are kept; 0 keeps them forever")
	cmd.AddCommand(newFacilitatorJournalCmd(g))
	return cmd
}

func newFacilitatorJournalCmd(g *Globals) *cobra.Command {
	var q facilitator.JournalQuery
	cmd := &cobra.Command{
		Use:   "journal",
		Short: "List the facilitator's settlement journal, newest first",
		Long: "Lists the settlement records of the data dir's facilitator (key, state, payer, payTo, amount, asset,\n" +
			"network, tx, block, created, resolved), newest first, without the signed transactions. With a stack\n" +
			"running on the data dir it asks the stack (admin API); otherwise it reads obol.db itself.",
		Example: "  obol facilitator journal --state sent\n  obol facilitator journal --limit 10 -o json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := q.Validate(); err != nil {
				return fmt.Errorf("--state/--limit: %w", err)
			}
			items, err := g.readJournal(cmd.Context(), q)
			if err != nil {
				return err
			}
			return g.emit(journalTable(items), map[string]any{"items": items})
		},
	}
	cmd.Flags().StringVar(&q.State, "state", "", "only records in this state: sent, mined or failed")
	cmd.Flags().IntVar(&q.Limit, "limit", 50, "at most this many records (0: every record)")
	return cmd
}

// readJournal asks the running stack (which holds the database's lock),
// else reads the data dir's database directly.
func (g *Globals) readJournal(ctx context.Context, q facilitator.JournalQuery) ([]facilitator.JournalEntry, error) {
	if pid, _ := stack.RunningPID(stack.Layout{Dir: g.DataDir}.PIDFile()); pid != 0 {
		c, _, err := g.stackClient()
		if err != nil {
			return nil, err
		}
		return c.FacilitatorJournal(ctx, q)
	}
	path := filepath.Join(g.DataDir, db.FileName)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no database at %s: nothing was settled from this data dir (choose another with --data-dir)", path)
	}
	d, err := db.Open(path, db.Options{})
	if errors.Is(err, db.ErrLocked) {
		return nil, fmt.Errorf("%w: a standalone `obol facilitator` probably runs on %s; stop it, or list the journal once it is stopped", err, g.DataDir)
	}
	if err != nil {
		return nil, err
	}
	defer d.Close()
	return facilitator.ReadJournal(d, q)
}

func journalTable(items []facilitator.JournalEntry) string {
	if len(items) == 0 {
		return "no settlement records"
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CREATED\tSTATE\tAMOUNT\tASSET\tPAYER\tPAYTO\tNETWORK\tTX\tBLOCK\tRESOLVED\tKEY")
	for _, r := range items {
		block, resolved := "-", "-"
		if r.Block != 0 {
			block = strconv.FormatUint(r.Block, 10)
		}
		if !r.Resolved.IsZero() {
			resolved = r.Resolved.UTC().Format(time.RFC3339)
		}
		state := r.State
		if r.Reason != "" {
			state += " (" + string(r.Reason) + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Created.UTC().Format(time.RFC3339), state, r.Amount, r.Asset,
			r.Payer, r.PayTo, r.Network, r.Tx, block, resolved, r.Key)
	}
	tw.Flush()
	return strings.TrimRight(b.String(), "\n")
}

// loadSettlementKey reads a hex private key or a keystore file. Errors
// never quote the file's content.
func loadSettlementKey(keyFile, passwordFile string) (*ecdsa.PrivateKey, error) {
	if keyFile == "" {
		return nil, errors.New("--key-file is required: give a file holding a hex private key or a keystore JSON")
	}
	blob, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	if !json.Valid(blob) {
		key, err := wallet.ParsePrivateKey(string(blob))
		if err != nil {
			return nil, fmt.Errorf("key file %s: %w (or give a keystore JSON)", keyFile, err)
		}
		return key, nil
	}
	password := wallet.PasswordFromEnv()
	if passwordFile != "" {
		b, err := os.ReadFile(passwordFile)
		if err != nil {
			return nil, fmt.Errorf("read password file: %w", err)
		}
		password = strings.TrimRight(string(b), "\r\n")
	}
	k, err := keystore.DecryptKey(blob, password)
	if err != nil {
		return nil, fmt.Errorf("unlock keystore %s: %w (set --password-file or $%s)", keyFile, err, wallet.PasswordEnv)
	}
	return k.PrivateKey, nil
}

func (g *Globals) runFacilitator(ctx context.Context, f facilitatorFlags) error {
	if f.journalRetention < 0 {
		return fmt.Errorf("--journal-retention %s is negative: give a duration such as 720h, or 0 to keep every record", f.journalRetention)
	}
	if f.rpc == "" {
		return errors.New("--rpc is required: the JSON-RPC URL of the chain to settle on (e.g. http://127.0.0.1:8545)")
	}
	key, err := loadSettlementKey(f.keyFile, f.passwordFile)
	if err != nil {
		return err
	}
	reg, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		return err
	}
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	ec, err := ethclient.DialContext(dctx, f.rpc)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", f.rpc, err)
	}
	defer ec.Close()
	id, err := ec.ChainID(dctx)
	if err != nil {
		return fmt.Errorf("read chain id from %s: %w (is it an Ethereum JSON-RPC endpoint?)", f.rpc, err)
	}
	netw, ok := reg.NetworkByChainID(id.Uint64())
	if f.network != "" {
		if netw, err = reg.Network(f.network); err != nil {
			return err
		}
		if netw.ChainID != id.Uint64() {
			return fmt.Errorf("--network %s is chain %d but %s is chain %d", f.network, netw.ChainID, f.rpc, id)
		}
	} else if !ok {
		return fmt.Errorf("chain id %d of %s is not a known network (devnet, base-sepolia, base, ethereum)", id, f.rpc)
	}
	d, err := db.OpenDir(g.DataDir)
	if err != nil {
		return fmt.Errorf("open database in %s: %w", g.DataDir, err)
	}
	defer d.Close()
	metrics := prometheus.NewRegistry()
	fac, err := facilitator.New(facilitator.Options{Logger: g.Logger(), Signer: wallet.NewKeySigner(key), Registry: reg, DB: d,
		Metrics: metrics, ReceiptTimeout: f.receiptTimeout, JournalRetention: f.journalRetention, Networks: []facilitator.Network{{Network: netw.CAIP2, Backend: ec}}})
	if err != nil {
		return err
	}
	defer fac.Close() // before the database closes: outcome writes under way
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another facilitator running? choose another --listen)", f.listen, err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(metrics, promhttp.HandlerOpts{}))
	mux.Handle("/", fac.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	info := map[string]any{"listen": ln.Addr().String(), "signer": fac.Address().Hex(), "network": netw.CAIP2, "rpc": f.rpc}
	if err := g.emit(fmt.Sprintf("facilitator on http://%s for %s (%s), settling from %s", ln.Addr(), netw.Name, netw.CAIP2, fac.Address().Hex()), info); err != nil {
		return err
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	go func() { errc <- fac.Run(ctx) }()
	select {
	case <-ctx.Done():
	case err := <-errc:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	}
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	return srv.Shutdown(sctx)
}
