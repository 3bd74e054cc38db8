package models

import (
	"context"

	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/config"
)

// Routes is the purchase reconciler's view of the paid/<model> routes (see
// internal/controller/purchase): like every other model, a route is written
// to the source of truth first (Dir, through Edit, under its lock) and then
// applied to the running gateway with /model/new and /model/delete, never a
// restart. A gateway reload or restart therefore keeps it.
type Routes struct {
	Dir   Dir
	Admin *llm.AdminClient
}

// RouteExists reports whether publicModel routes to apiBase both in the
// source config and in the live router, as the only entry of its name in
// each. A route missing or stale in either (removed by hand, or pointing to
// a buyer proxy that moved) counts as missing, so the reconciler adds it
// again.
func (r Routes) RouteExists(ctx context.Context, publicModel, apiBase string) (bool, error) {
	cfg, err := r.Dir.Load()
	if err != nil {
		return false, err
	}
	if !llm.OnlyRoute(cfg.Deployments(), llm.RouteDeployment(publicModel, apiBase)) {
		return false, nil
	}
	return r.Admin.RouteExists(ctx, publicModel, apiBase)
}

// AddRoute writes publicModel → apiBase to the source (replacing any
// entries of that name, in the place of the first), then to the live
// router. When the gateway does not answer, the source change stands (its
// next start or reload serves it) and the error is returned so the
// reconciler retries.
func (r Routes) AddRoute(ctx context.Context, publicModel, apiBase string) error {
	if err := r.Dir.Edit(func(c *config.Config) error {
		_, err := c.Upsert(llm.RouteDeployment(publicModel, apiBase))
		return err
	}); err != nil {
		return err
	}
	return r.Admin.AddRoute(ctx, publicModel, apiBase)
}

// DeleteRoute removes every entry named publicModel from the source, then
// from the live router.
func (r Routes) DeleteRoute(ctx context.Context, publicModel string) error {
	if err := r.Dir.Edit(func(c *config.Config) error {
		_, err := c.RemoveName(publicModel)
		return err
	}); err != nil {
		return err
	}
	return r.Admin.DeleteRoute(ctx, publicModel)
}
