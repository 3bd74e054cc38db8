package llm

import (
	"context"
	"errors"

	"github.com/obol-dev/obol/internal/llm/config"
)

// These methods make an AdminClient the live half of the purchase
// reconciler's Routes (internal/controller/purchase): routes by public model
// name, changed through /model/new and /model/delete, never a restart. On
// their own they write no source config, so a reload or restart drops what
// they add; the stack uses models.Routes, which writes the source first and
// then calls these.

// RouteDeployment is the entry routing publicModel (e.g. paid/qwen) to the
// OpenAI-compatible apiBase (e.g. the buyer proxy's http://127.0.0.1:8402/v1).
func RouteDeployment(publicModel, apiBase string) config.Deployment {
	return config.Deployment{ModelName: publicModel,
		Params: map[string]any{"model": "openai/" + publicModel, "api_base": apiBase, "api_key": "unused"}}
}

// OnlyRoute reports whether ds has exactly one entry named like want and it
// routes like want (same model and api_base; keys do not count, the live
// list redacts them).
func OnlyRoute(ds []config.Deployment, want config.Deployment) bool {
	n, ok := 0, false
	for _, d := range ds {
		if d.ModelName == want.ModelName {
			n++
			ok = d.Model() == want.Model() && d.APIBase() == want.APIBase()
		}
	}
	return n == 1 && ok
}

// RouteExists reports whether the live router sends publicModel to apiBase,
// as the only entry of that name.
func (c *AdminClient) RouteExists(ctx context.Context, publicModel, apiBase string) (bool, error) {
	list, err := c.ModelInfo(ctx)
	if err != nil {
		return false, err
	}
	return OnlyRoute(entries(list), RouteDeployment(publicModel, apiBase)), nil
}

// AddRoute makes publicModel route to apiBase live, replacing older entries
// of that name: the new entry is added before the old ones are deleted, so
// the name never stops resolving. Nothing changes when it already does.
func (c *AdminClient) AddRoute(ctx context.Context, publicModel, apiBase string) error {
	want := RouteDeployment(publicModel, apiBase)
	list, err := c.ModelInfo(ctx)
	if err != nil {
		return err
	}
	if OnlyRoute(entries(list), want) {
		return nil
	}
	if _, err := c.AddModel(ctx, want); err != nil {
		return err
	}
	var errs []error
	for _, m := range list {
		if id, _ := m.Info["id"].(string); m.ModelName == publicModel && id != "" {
			errs = append(errs, c.DeleteModel(ctx, id))
		}
	}
	return errors.Join(errs...)
}

// DeleteRoute removes every live entry named publicModel.
func (c *AdminClient) DeleteRoute(ctx context.Context, publicModel string) error {
	_, err := c.DeleteModelName(ctx, publicModel)
	return err
}

func entries(list []ModelEntry) []config.Deployment {
	out := make([]config.Deployment, 0, len(list))
	for _, m := range list {
		out = append(out, config.Deployment{ModelName: m.ModelName, Params: m.Params, Info: m.Info})
	}
	return out
}
