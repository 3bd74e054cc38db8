package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/atomicfile"
	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/models"
	"github.com/obol-dev/obol/internal/stack"
)

// gatewayConn says how CLI commands reach a running gateway's admin API.
type gatewayConn struct {
	url       string
	masterKey string
}

func (c *gatewayConn) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&c.url, "gateway", "", "root URL of a running gateway (default: $OBOL_GATEWAY_URL, <data-dir>/llm/gateway.url, then http://127.0.0.1:4000)")
	cmd.Flags().StringVar(&c.masterKey, "master-key", "", "the gateway's master key (default: $OBOL_MASTER_KEY, then <data-dir>/secrets/master-key)")
}

// resolveMasterKey: flag, then $OBOL_MASTER_KEY, then the data dir's key.
func (g *Globals) resolveMasterKey(flag string) string {
	if flag != "" {
		return flag
	}
	if k := os.Getenv("OBOL_MASTER_KEY"); k != "" {
		return k
	}
	k, _ := stack.ReadMasterKey(g.DataDir)
	return k
}

// live returns the admin side of model changes.
func (g *Globals) live(c gatewayConn) models.Live {
	u := c.url
	if u == "" {
		u = os.Getenv("OBOL_GATEWAY_URL")
	}
	if u == "" {
		if b, err := os.ReadFile(models.Dir{Root: g.DataDir}.GatewayURLFile()); err == nil {
			u = strings.TrimSpace(string(b))
		}
	}
	if u == "" {
		u = "http://127.0.0.1:4000"
	}
	return models.Live{Admin: &llm.AdminClient{BaseURL: u, MasterKey: g.resolveMasterKey(c.masterKey)}}
}

func newGatewayCmd(g *Globals) *cobra.Command {
	var o llm.Options
	var listen string
	cmd := &cobra.Command{
		Use:   "gateway",
		Short: "Run the OpenAI-compatible model gateway (LiteLLM-compatible config) on its own",
		Long: "Serves /v1/chat/completions, /v1/completions, /v1/embeddings and /v1/models, plus LiteLLM's admin\n" +
			"API (/model/new, /model/delete, /model/info) and /admin/reload, /admin/prefer, behind a Bearer master key.\n" +
			"The config (default <data-dir>/llm/models.yaml) is the source of truth: it is copied to the runtime\n" +
			"file at start, admin changes go to the runtime file, and a restart starts again from the source.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir := models.Dir{Root: g.DataDir}
			if o.ConfigPath == "" {
				o.ConfigPath = dir.Source()
				if err := dir.EnsureSource(); err != nil {
					return err
				}
			}
			if o.RuntimePath == "" {
				o.RuntimePath = dir.Runtime()
			}
			if o.MasterKey == "" {
				o.MasterKey = os.Getenv("OBOL_MASTER_KEY")
			}
			if o.MasterKey == "" && !configHasMasterKey(o.ConfigPath) {
				o.MasterKey, _ = stack.ReadMasterKey(g.DataDir)
			}
			if o.BuyerURL == "" {
				o.BuyerURL = os.Getenv("OBOL_BUYER_URL")
			}
			if o.SecretsFile == "" {
				o.SecretsFile = dir.Secrets()
			}
			o.Listen = listen
			o.Logger = g.Logger()
			reg := prometheus.NewRegistry()
			o.Registry, o.Metrics = reg, reg
			gw, err := llm.New(o)
			if err != nil {
				return err
			}
			url := "http://" + listen
			if err := atomicfile.Write(dir.GatewayURLFile(), []byte(url+"\n"), 0o600); err != nil {
				g.Logger().Warn("cannot record the gateway URL for other obol commands", "err", err)
			}
			defer os.Remove(dir.GatewayURLFile())
			if err := g.emit(fmt.Sprintf("gateway on %s/v1 serving %d models from %s", url, len(gw.Models()), o.ConfigPath),
				map[string]any{"listening": url, "models": gw.Models(), "config": o.ConfigPath, "runtime": o.RuntimePath}); err != nil {
				return err
			}
			return gw.Run(cmd.Context())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.ConfigPath, "config", "", "source-of-truth config, LiteLLM YAML (default <data-dir>/llm/models.yaml)")
	f.StringVar(&o.RuntimePath, "runtime", "", "writable runtime copy (default <data-dir>/llm/runtime.yaml)")
	f.StringVar(&listen, "listen", "127.0.0.1:4000", "address to serve on")
	f.StringVar(&o.MasterKey, "master-key", "", "Bearer key clients and admins must send (default: $OBOL_MASTER_KEY, general_settings.master_key, <data-dir>/secrets/master-key)")
	f.StringVar(&o.BuyerURL, "buyer-url", "", "x402 buyer proxy for paid/<model> routes, e.g. http://127.0.0.1:8402 (default $OBOL_BUYER_URL; none when empty)")
	f.StringVar(&o.OllamaURL, "ollama-url", models.DefaultOllamaURL, "Ollama server reachable as ollama/<model> without setup (empty: none)")
	f.StringVar(&o.SecretsFile, "secrets", "", "NAME=value file with provider keys for os.environ/ references (default <data-dir>/secrets/llm.env)")
	return cmd
}

func configHasMasterKey(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	c, err := config.Parse(path, data)
	if err != nil {
		return false // llm.New reports the broken file itself
	}
	return c.MasterKey() != ""
}

var errNoMasterKey = errors.New("no master key: pass --master-key, set OBOL_MASTER_KEY, or run `obol stack init`")
