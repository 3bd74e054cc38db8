package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/models"
)

func newModelCmd(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "model",
		Short: "Configure the models the gateway serves",
		Long: "The source of truth is <data-dir>/llm/models.yaml (LiteLLM format); provider keys live in\n" +
			"<data-dir>/secrets/llm.env (0600). Every command changes the source first, then the running\n" +
			"gateway through its admin API; with no gateway running, the change applies at its next start.",
	}
	cmd.AddCommand(newModelSetupCmd(g), newModelListCmd(g), newModelStatusCmd(g), newModelPreferCmd(g),
		newModelRemoveCmd(g), newModelTokenCmd(g))
	return cmd
}

type setupResult struct {
	Provider        string            `json:"provider"`
	Models          []string          `json:"models"`
	Source          string            `json:"source"`
	DisableThinking bool              `json:"disableThinking"`
	Live            models.LiveResult `json:"live"`
}

func newModelSetupCmd(g *Globals) *cobra.Command {
	var provider, endpoint, model, apiKey string
	var disableThinking bool
	var conn gatewayConn
	cmd := &cobra.Command{
		Use:   "setup --provider ollama|openai|anthropic|custom",
		Short: "Add a provider's models to the gateway",
		Long: "ollama: every model of the Ollama server (default http://127.0.0.1:11434), or --model.\n" +
			"openai, anthropic: one model (--model, default gpt-5.5 / claude-sonnet-4-6); the key (--api-key,\n" +
			"$LLM_API_KEY or $OPENAI_API_KEY / $ANTHROPIC_API_KEY) is stored as a secret; the live router\n" +
			"re-reads the secrets when the model is hot-added, so the new key applies without a restart.\n" +
			"custom: an OpenAI-compatible --endpoint (its base URL with /v1) and --model; the preflight runs\n" +
			"first and nothing is saved when it fails; disable_thinking is recorded when the endpoint needs it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if apiKey == "" {
				apiKey = os.Getenv("LLM_API_KEY")
			}
			dir := models.Dir{Root: g.DataDir}
			live := g.live(conn)
			res := setupResult{Provider: provider, Source: dir.Source()}
			var ds []config.Deployment
			var err error
			switch provider {
			case "ollama":
				ds, err = models.OllamaDeployments(cmd.Context(), endpoint, model)
				if err != nil {
					return err
				}
				if disableThinking {
					for i := range ds {
						ds[i].Info = map[string]any{"disable_thinking": true}
					}
				}
			case "openai", "anthropic":
				d, keyName, err := models.CloudDeployment(provider, model, endpoint)
				if err != nil {
					return err
				}
				key := apiKey
				if key == "" {
					key = os.Getenv(keyName)
				}
				if key == "" {
					key = dir.Secret(keyName)
				}
				if key == "" {
					return fmt.Errorf("no API key for %s: pass --api-key or set %s", provider, keyName)
				}
				if err := dir.SetSecret(keyName, key); err != nil {
					return err
				}
				// No reload: /model/new rebuilds the whole table, which
				// re-reads the secrets file, so the new key (for this and
				// every other entry using it) applies without dropping
				// runtime-only routes such as paid/<model>.
				ds = []config.Deployment{d}
			case "custom":
				if endpoint == "" || model == "" {
					return errors.New("custom needs --endpoint (the OpenAI-compatible base URL, with /v1) and --model")
				}
				g.progress("preflight: %s model %s", endpoint, model)
				pf, err := llm.Preflight(cmd.Context(), llm.PreflightOptions{Endpoint: endpoint, Model: model, APIKey: apiKey})
				if err != nil {
					return &ExitError{Code: 1, Err: fmt.Errorf("preflight failed, nothing saved: %w", err)}
				}
				disableThinking = disableThinking || pf.DisableThinking
				keyName := ""
				if apiKey != "" && !strings.EqualFold(apiKey, "none") {
					keyName = models.CustomKeyName(model)
					if err := dir.SetSecret(keyName, apiKey); err != nil {
						return err
					}
				}
				ds = []config.Deployment{models.CustomDeployment(endpoint, model, keyName, disableThinking)}
			default:
				return fmt.Errorf("unknown provider %q: use ollama, openai, anthropic or custom", provider)
			}
			if err := dir.Edit(func(cfg *config.Config) error {
				for _, d := range ds {
					if _, err := cfg.Upsert(d); err != nil {
						return fmt.Errorf("add %s: %w", d.ModelName, err)
					}
				}
				return nil
			}); err != nil {
				return err
			}
			for _, d := range ds {
				res.Models = append(res.Models, d.ModelName)
			}
			res.Live = live.Upsert(cmd.Context(), ds)
			res.DisableThinking = disableThinking
			return g.emit(fmt.Sprintf("added %s to %s%s\n%s", strings.Join(res.Models, ", "), res.Source,
				map[bool]string{true: " (disable_thinking)", false: ""}[disableThinking], liveLine(res.Live)), res)
		},
	}
	f := cmd.Flags()
	f.StringVar(&provider, "provider", "", "ollama, openai, anthropic or custom")
	f.StringVar(&endpoint, "endpoint", "", "API base URL (custom: required, with /v1; ollama: default http://127.0.0.1:11434)")
	f.StringVar(&model, "model", "", "model name (custom: required)")
	f.StringVar(&apiKey, "api-key", "", "provider API key (default $LLM_API_KEY); stored in <data-dir>/secrets/llm.env, never in models.yaml")
	f.BoolVar(&disableThinking, "disable-thinking", false, "send chat_template_kwargs.enable_thinking=false on every request")
	_ = cmd.MarkFlagRequired("provider")
	conn.flags(cmd)
	return cmd
}

func liveLine(l models.LiveResult) string {
	if l.Applied {
		return "live: applied to the running gateway (" + l.How + ")"
	}
	return "live: not applied now: " + l.Detail
}

type modelRow struct {
	Name            string `json:"name"`
	Model           string `json:"model"`
	APIBase         string `json:"apiBase,omitempty"`
	ID              string `json:"id"`
	DisableThinking bool   `json:"disableThinking"`
	Default         bool   `json:"default"`
}

func modelRows(cfg *config.Config) []modelRow {
	rows := []modelRow{}
	for i, d := range cfg.Deployments() {
		rows = append(rows, modelRow{Name: d.ModelName, Model: d.Model(), APIBase: d.APIBase(), ID: d.ID(),
			DisableThinking: d.DisableThinking(), Default: i == 0})
	}
	return rows
}

func humanRows(rows []modelRow) string {
	if len(rows) == 0 {
		return "no models configured: run `obol model setup --provider ollama|openai|anthropic|custom`"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-3s %-32s %-40s %s\n", "", "NAME", "MODEL", "API BASE")
	for _, r := range rows {
		mark := ""
		if r.Default {
			mark = "*"
		}
		base := r.APIBase
		if r.DisableThinking {
			base += " (no thinking)"
		}
		fmt.Fprintf(&b, "%-3s %-32s %-40s %s\n", mark, r.Name, r.Model, base)
	}
	b.WriteString("(* = default: list order is preference order)")
	return b.String()
}

func newModelListCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the configured models in preference order (from the source of truth)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := models.Dir{Root: g.DataDir}.Load()
			if err != nil {
				return err
			}
			rows := modelRows(cfg)
			return g.emit(humanRows(rows), map[string]any{"models": rows})
		},
	}
}

func newModelStatusCmd(g *Globals) *cobra.Command {
	var conn gatewayConn
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Compare the configured models with the running gateway's live router",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir := models.Dir{Root: g.DataDir}
			cfg, err := dir.Load()
			if err != nil {
				return err
			}
			live := g.live(conn)
			dr := live.Status(cmd.Context(), cfg)
			rows := modelRows(cfg)
			var b strings.Builder
			b.WriteString(humanRows(rows))
			if !dr.Reachable {
				fmt.Fprintf(&b, "\ngateway: not reachable at %s (changes apply at its next start)", live.Admin.BaseURL)
			} else {
				fmt.Fprintf(&b, "\ngateway: %s", live.Admin.BaseURL)
				if len(dr.Missing) == 0 && len(dr.Extra) == 0 {
					b.WriteString(", in sync with the source")
				}
				if len(dr.Missing) > 0 {
					fmt.Fprintf(&b, "\n  missing live (hot-add failed; fixed by a restart): %s", strings.Join(dr.Missing, ", "))
				}
				if len(dr.Extra) > 0 {
					fmt.Fprintf(&b, "\n  live only (added through the admin API, not in the source; gone at the next reload): %s", strings.Join(dr.Extra, ", "))
				}
			}
			return g.emit(b.String(), map[string]any{"source": dir.Source(), "models": rows, "gateway": live.Admin.BaseURL, "drift": dr})
		},
	}
	conn.flags(cmd)
	return cmd
}

func newModelPreferCmd(g *Globals) *cobra.Command {
	var conn gatewayConn
	cmd := &cobra.Command{
		Use:   "prefer <model>...",
		Short: "Move models to the head of the list (the first is the agents' default)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var names []string
			for _, a := range args {
				for _, n := range strings.Split(a, ",") {
					if n = strings.TrimSpace(n); n != "" {
						names = append(names, n)
					}
				}
			}
			var cfg *config.Config
			changed := false
			err := models.Dir{Root: g.DataDir}.Edit(func(c *config.Config) error {
				cfg = c
				var err error
				if changed, err = c.Prefer(names); err == nil && !changed {
					return errUnchanged
				}
				return err
			})
			if err != nil && !errors.Is(err, errUnchanged) {
				return err
			}
			res := models.LiveResult{How: "none", Detail: "already in that order"}
			if changed {
				res = g.live(conn).Prefer(cmd.Context(), names)
			}
			rows := modelRows(cfg)
			return g.emit(humanRows(rows)+"\n"+liveLine(res), map[string]any{"changed": changed, "models": rows, "live": res})
		},
	}
	conn.flags(cmd)
	return cmd
}

func newModelRemoveCmd(g *Globals) *cobra.Command {
	var conn gatewayConn
	cmd := &cobra.Command{
		Use:   "remove <model>",
		Short: "Remove a model from the source of truth and the live router",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n := 0
			err := models.Dir{Root: g.DataDir}.Edit(func(cfg *config.Config) error {
				var err error
				if n, err = cfg.RemoveName(args[0]); err == nil && n == 0 {
					return fmt.Errorf("model %q is not configured (see `obol model list`)", args[0])
				}
				return err
			})
			if err != nil {
				return err
			}
			res := g.live(conn).Remove(cmd.Context(), args[0])
			human := fmt.Sprintf("removed %s\n%s", args[0], liveLine(res))
			out := map[string]any{"removed": args[0], "entries": n, "live": res}
			if strings.HasPrefix(args[0], "paid/") {
				// A purchase's route: the stack's purchase reconciler owns it.
				note := "note: " + args[0] + " is a purchase's route: while that purchase exists the running stack adds it back " +
					"within seconds; to stop buying, remove the purchase with `obol buy remove <name>` (see `obol buy list`)"
				human += "\n" + note
				out["note"] = note
			}
			return g.emit(human, out)
		},
	}
	conn.flags(cmd)
	return cmd
}

// errUnchanged makes an Edit write nothing when there is nothing to change.
var errUnchanged = errors.New("unchanged")

func newModelTokenCmd(g *Globals) *cobra.Command {
	var key string
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Print the gateway's master key (agents use it as their OpenAI API key)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			k := g.resolveMasterKey(key)
			if k == "" {
				return errNoMasterKey
			}
			return g.emit(k, map[string]string{"token": k})
		},
	}
	cmd.Flags().StringVar(&key, "master-key", "", "override (default: $OBOL_MASTER_KEY, then <data-dir>/secrets/master-key)")
	return cmd
}
