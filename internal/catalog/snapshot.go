package catalog

import (
	"crypto/sha256"
	"encoding/hex"
)

// Document paths on the public listener.
const (
	PathServices     = "/api/services.json"
	PathSkill        = "/skill.md"
	PathOpenAPI      = "/openapi.json"
	PathRegistration = "/.well-known/agent-registration.json"
)

// Paths lists every document path, for muxes that route them here.
func Paths() []string { return []string{PathServices, PathSkill, PathOpenAPI, PathRegistration} }

// Snapshot is the four rendered documents, immutable once built.
type Snapshot struct {
	docs map[string]document
	// Listed is how many offers the documents list.
	Listed int
	// Skipped are offers that met the listing rule but could not render.
	Skipped []Skipped
}

type document struct {
	body        []byte
	contentType string
	etag        string
}

// Build renders every document from one input, so the four agree.
func Build(in Input) (*Snapshot, error) {
	ls, skipped := in.listed() // once: every document sees the same offers
	sj, err := marshal(services(&in, ls))
	if err != nil {
		return nil, err
	}
	oj, err := marshal(openAPI(&in, ls))
	if err != nil {
		return nil, err
	}
	rj, err := marshal(registration(&in, ls))
	if err != nil {
		return nil, err
	}
	s := &Snapshot{docs: map[string]document{}, Listed: len(ls), Skipped: skipped}
	s.add(PathServices, sj, "application/json; charset=utf-8")
	s.add(PathSkill, skillMarkdown(&in, ls), "text/markdown; charset=utf-8")
	s.add(PathOpenAPI, oj, "application/json; charset=utf-8")
	s.add(PathRegistration, rj, "application/json; charset=utf-8")
	return s, nil
}

func (s *Snapshot) add(path string, body []byte, ct string) {
	sum := sha256.Sum256(body)
	s.docs[path] = document{body: body, contentType: ct, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// Document returns a rendered document's bytes (nil for an unknown path).
// The caller must not modify them.
func (s *Snapshot) Document(path string) []byte { return s.docs[path].body }
