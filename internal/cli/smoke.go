package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/llm"
)

func newSmokeCmd(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "smoke",
		Short: "Check that outside services are usable",
	}
	cmd.AddCommand(newSmokeLLMCmd(g))
	return cmd
}

type smokeResult struct {
	OK      bool                 `json:"ok"`
	Reason  string               `json:"reason,omitempty"`
	Message string               `json:"message,omitempty"`
	Result  *llm.PreflightResult `json:"result,omitempty"`
}

func newSmokeLLMCmd(g *Globals) *cobra.Command {
	var o llm.PreflightOptions
	cmd := &cobra.Command{
		Use:   "llm --endpoint URL --model M",
		Short: "Preflight an OpenAI-compatible endpoint (exit 0 when usable, 1 with the reason when not)",
		Long: "GET <endpoint>/models must list the model; a chat request asking for an exact marker must\n" +
			"return it as final content; an empty or reasoning-only answer is retried once with\n" +
			"chat_template_kwargs.enable_thinking=false, and success then reports disable_thinking.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.Endpoint == "" || o.Model == "" {
				return errors.New("give --endpoint (the OpenAI-compatible base URL, with /v1) and --model")
			}
			g.progress("preflight: %s model %s", o.Endpoint, o.Model)
			res, err := llm.Preflight(cmd.Context(), o)
			if err != nil {
				var pe *llm.PreflightError
				out := smokeResult{Message: err.Error()}
				if errors.As(err, &pe) {
					out.Reason = pe.Reason
				}
				if g.JSON() {
					if eerr := g.emit("", out); eerr != nil {
						return eerr
					}
					return &ExitError{Code: 1}
				}
				return &ExitError{Code: 1, Err: fmt.Errorf("LLM endpoint not usable: %w", err)}
			}
			human := fmt.Sprintf("LLM_PREFLIGHT_OK %s model %s", res.Endpoint, res.Model)
			if res.DisableThinking {
				human += " with enable_thinking=false (record disable_thinking for this model)"
			}
			return g.emit(human, smokeResult{OK: true, Result: &res})
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Endpoint, "endpoint", "", "OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1")
	f.StringVar(&o.Model, "model", "", "model id the endpoint serves")
	f.StringVar(&o.APIKey, "api-key", "", "Bearer key for the endpoint, if it needs one")
	return cmd
}
