package llm

import (
	"context"

	"github.com/obol-dev/obol/internal/llm/config"
)

// These methods make an AdminClient the purchase reconciler's view of the
// gateway: routes by public model name, changed live through /model/new and
// /model/delete, never by a restart.

// RouteExists reports whether the gateway has a route named model.
func (c *AdminClient) RouteExists(ctx context.Context, model string) (bool, error) {
	list, err := c.ModelInfo(ctx)
	if err != nil {
		return false, err
	}
	for _, e := range list {
		if e.ModelName == model {
			return true, nil
		}
	}
	return false, nil
}

// AddRoute hot-adds model, forwarding to the OpenAI-compatible apiBase.
func (c *AdminClient) AddRoute(ctx context.Context, model, apiBase string) error {
	_, err := c.AddModel(ctx, config.Deployment{ModelName: model,
		Params: map[string]any{"model": "openai/" + model, "api_base": apiBase, "api_key": "unused"}})
	return err
}

// DeleteRoute hot-removes every route named model.
func (c *AdminClient) DeleteRoute(ctx context.Context, model string) error {
	_, err := c.DeleteModelName(ctx, model)
	return err
}
