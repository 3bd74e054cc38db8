package stack

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"github.com/obol-dev/obol/internal/catalog"
	"github.com/obol-dev/obol/internal/store"
)

// Status is what `obol stack status` shows.
type Status struct {
	DataDir    string            `json:"dataDir"`
	PID        int               `json:"pid"`
	Listeners  map[string]string `json:"listeners"`
	Chain      ChainStatus       `json:"chain"`
	Wallet     string            `json:"wallet"`
	Offers     int               `json:"offers"`
	Purchases  int               `json:"purchases"`
	Models     []string          `json:"models"`
	Components map[string]string `json:"components"`
}

// ChainStatus describes the chain the stack settles on.
type ChainStatus struct {
	ChainID  uint64 `json:"chainId,omitempty"`
	Block    uint64 `json:"block,omitempty"`
	Embedded bool   `json:"embedded"`
	Error    string `json:"error,omitempty"`
}

func (s *Stack) status(ctx context.Context) (any, error) {
	p := s.parts
	st := Status{DataDir: s.opts.DataDir, Listeners: map[string]string{}, Wallet: p.signer.Address().Hex(),
		Models: p.gateway.Models(), Components: map[string]string{}}
	st.PID, _ = RunningPID(s.layout.PIDFile())
	for name := range s.listeners {
		st.Listeners[name] = s.URL(name)
	}
	if p.chain != nil {
		st.Chain = ChainStatus{ChainID: p.chain.ChainID().Uint64(), Embedded: true}
		if n, err := p.chain.EthClient().BlockNumber(ctx); err == nil {
			st.Chain.Block = n
		} else {
			st.Chain.Error = err.Error()
		}
	}
	if offers, err := p.offers.List(ctx, store.ListOptions{}); err == nil {
		st.Offers = len(offers)
	}
	if prs, err := p.purchases.List(ctx, store.ListOptions{}); err == nil {
		st.Purchases = len(prs)
	}
	st.Components = s.componentHealth(st.Chain)
	return st, nil
}

// componentHealth says what each component can tell about itself.
func (s *Stack) componentHealth(ch ChainStatus) map[string]string {
	p := s.parts
	ready := func(ok bool, notYet string) string {
		if ok {
			return "ready"
		}
		return notYet
	}
	h := map[string]string{
		"seller":      ready(p.seller.Ready(), "loading routes"),
		"catalog":     ready(p.catalog.Snapshot() != nil, "rendering"),
		"gateway":     fmt.Sprintf("ready, %d models", len(p.gateway.Models())),
		"buyer":       fmt.Sprintf("ready, %d pools", len(p.buyer.Status())),
		"facilitator": "ready",
		"admin":       "ready",
	}
	if p.chain != nil {
		h["chain"] = ready(ch.Error == "", "unreachable: "+ch.Error)
	}
	return h
}

// StatusLine is the one-line live status `obol stack up` shows on a terminal.
func (s *Stack) StatusLine(ctx context.Context) string {
	st, _ := s.status(ctx)
	v := st.(Status)
	chain := "chain: " + v.Chain.Error
	if v.Chain.Error == "" {
		chain = fmt.Sprintf("block %d", v.Chain.Block)
	}
	return fmt.Sprintf("obol running · %s · offers %d · purchases %d · models %d · %s", time.Now().Format("15:04:05"),
		v.Offers, v.Purchases, len(v.Models), chain)
}

var storefrontTmpl = template.Must(template.New("storefront").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.Name}}</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>
</head><body><h1>{{.Name}}</h1><p>{{.Tagline}}</p>
<p>Machine-readable: <a href="/api/services.json">services.json</a> · <a href="/skill.md">skill.md</a> ·
<a href="/openapi.json">openapi.json</a> · <a href="/.well-known/agent-registration.json">agent registration</a></p>
<p>Every service is paid per request with <a href="https://x402.org">x402</a>; a request without payment answers 402 with what to pay.</p>
<pre>{{.Skill}}</pre></body></html>`))

// storefront is the public listener's front page: the skill document, for people.
func (s *Stack) storefront(w http.ResponseWriter, _ *http.Request) {
	var skill string
	if snap := s.parts.catalog.Snapshot(); snap != nil {
		skill = string(snap.Document(catalog.PathSkill))
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = storefrontTmpl.Execute(w, map[string]string{"Name": s.opts.Config.Seller.DisplayName, "Tagline": s.opts.Config.Seller.Tagline, "Skill": skill})
}
