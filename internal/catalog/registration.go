package catalog

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// RegistrationType is the ERC-8004 registration document type.
const RegistrationType = "https://eips.ethereum.org/EIPS/eip-8004#registration-v1"

// AgentRegistration is /.well-known/agent-registration.json (ERC-8004).
type AgentRegistration struct {
	Type          string            `json:"type"`
	Name          string            `json:"name"`
	Description   string            `json:"description,omitempty"`
	Image         string            `json:"image,omitempty"`
	Services      []RegistrationSvc `json:"services"`
	X402Support   bool              `json:"x402Support"`
	Active        bool              `json:"active"`
	Registrations []RegistrationRef `json:"registrations"`
}

// RegistrationSvc is one services[] entry: a web endpoint per offer, and an
// OASF entry when the offer names skills or domains.
type RegistrationSvc struct {
	Name        string   `json:"name"`
	Endpoint    string   `json:"endpoint,omitempty"`
	Version     string   `json:"version,omitempty"`
	Skills      []string `json:"skills,omitempty"`
	Domains     []string `json:"domains,omitempty"`
	DrainEndsAt string   `json:"drainEndsAt,omitempty"`
}

// RegistrationRef is one on-chain registration: agentId (a JSON number,
// exact even above 2^53) in the registry named by CAIP-10.
type RegistrationRef struct {
	AgentID       json.Number `json:"agentId"`
	AgentRegistry string      `json:"agentRegistry"`
}

// Registration builds the ERC-8004 document. Offers with registration
// enabled that meet the listing rule are its services; when none is left
// the document stays published, inactive, still naming its registrations.
func Registration(in Input) *AgentRegistration {
	ls, _ := in.listed()
	return registration(&in, ls)
}

func registration(in *Input, ls []listing) *AgentRegistration {
	doc := &AgentRegistration{Type: RegistrationType, Image: in.Identity.Image, Services: []RegistrationSvc{}}
	name := in.Identity.Name
	for _, l := range ls {
		r := l.offer.Spec.Registration
		if r == nil || !r.Enabled {
			continue
		}
		if name == "" && r.Name != "" {
			name = r.Name
		}
		doc.Services = append(doc.Services, RegistrationSvc{Name: "web", Endpoint: l.endpoint, DrainEndsAt: l.drainEndsAt})
		if len(r.Skills) > 0 || len(r.Domains) > 0 {
			doc.Services = append(doc.Services, RegistrationSvc{Name: "OASF", Version: "0.8", Skills: r.Skills, Domains: r.Domains})
		}
	}
	if name == "" {
		name = in.displayName()
	}
	doc.Name = name
	doc.Active = len(doc.Services) > 0
	doc.X402Support = doc.Active
	doc.Description = cmp.Or(in.Identity.Description, in.Tagline)
	if !doc.Active {
		doc.Description = fmt.Sprintf("Agent %s (deactivated)", name)
	}
	doc.Registrations = in.registrations()
	return doc
}

// registrations merges the recorded registrations with the agentIds offers
// carry in status, deduplicated and sorted by chain then agentId.
func (in *Input) registrations() []RegistrationRef {
	all := slices.Clone(in.Identity.Registrations)
	for i := range in.Offers {
		o := &in.Offers[i]
		if o.Status.AgentID == "" || o.IsDeleting() {
			continue
		}
		n, ok := in.network(o.Spec.Payment.Network)
		if !ok || n.IdentityRegistry == "" {
			continue
		}
		all = append(all, OnChainRegistration{AgentID: o.Status.AgentID, ChainID: n.ChainID, Registry: n.IdentityRegistry})
	}
	seen := map[string]bool{}
	out := []RegistrationRef{}
	slices.SortFunc(all, func(a, b OnChainRegistration) int {
		return cmp.Or(cmp.Compare(a.ChainID, b.ChainID), cmp.Compare(len(a.AgentID), len(b.AgentID)), strings.Compare(a.AgentID, b.AgentID))
	})
	for _, r := range all {
		if !isDecimal(r.AgentID) || r.ChainID == 0 || r.Registry == "" {
			continue // a malformed record must not produce invalid JSON
		}
		ref := RegistrationRef{AgentID: json.Number(r.AgentID), AgentRegistry: fmt.Sprintf("eip155:%d:%s", r.ChainID, r.Registry)}
		key := string(ref.AgentID) + "@" + strings.ToLower(ref.AgentRegistry)
		if !seen[key] {
			seen[key] = true
			out = append(out, ref)
		}
	}
	return out
}

func isDecimal(s string) bool {
	if s == "" || len(s) > 78 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// RegistrationJSON renders /.well-known/agent-registration.json.
func RegistrationJSON(in Input) ([]byte, error) { return marshal(Registration(in)) }
