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
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
)

type facilitatorFlags struct {
	listen, rpc, keyFile, passwordFile, network string
	receiptTimeout                              time.Duration
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
	return cmd
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
		Metrics: metrics, ReceiptTimeout: f.receiptTimeout, Networks: []facilitator.Network{{Network: netw.CAIP2, Backend: ec}}})
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
