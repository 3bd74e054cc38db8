package catalog

import (
	"encoding/json"
	"fmt"
)

// ServicesDocument is /api/services.json.
type ServicesDocument struct {
	SchemaVersion string    `json:"schemaVersion"`
	DisplayName   string    `json:"displayName"`
	Tagline       string    `json:"tagline"`
	Services      []Service `json:"services"`
}

// Service is one listed offer. The flat payment fields mirror payments[0].
// There is deliberately no "available" field: a draining offer is told
// apart only by drainEndsAt.
type Service struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
	Type      string `json:"type"`
	Model     string `json:"model,omitempty"`
	Endpoint  string `json:"endpoint"`
	payment
	Payments            []payment `json:"payments"`
	Description         string    `json:"description"`
	Category            string    `json:"category,omitempty"`
	Weight              int32     `json:"weight,omitempty"`
	RegistrationPending bool      `json:"registrationPending,omitempty"`
	DrainEndsAt         string    `json:"drainEndsAt,omitempty"`
}

// Services builds the services.json document.
func Services(in Input) (*ServicesDocument, []Skipped) {
	ls, skipped := in.listed()
	return services(&in, ls), skipped
}

func services(in *Input, ls []listing) *ServicesDocument {
	doc := &ServicesDocument{SchemaVersion: SchemaVersion, DisplayName: in.displayName(), Tagline: in.Tagline, Services: []Service{}}
	for _, l := range ls {
		o := l.offer
		s := Service{
			Name: o.Name, Namespace: o.Namespace, Type: string(o.EffectiveType()), Model: modelName(o),
			Endpoint: l.endpoint, payment: l.payments[0], Payments: l.payments, Description: Description(o),
			RegistrationPending: l.pending, DrainEndsAt: l.drainEndsAt,
		}
		if o.Spec.Listing != nil {
			s.Category, s.Weight = o.Spec.Listing.Category, o.Spec.Listing.Weight
		}
		doc.Services = append(doc.Services, s)
	}
	return doc
}

// ServicesJSON renders /api/services.json.
func ServicesJSON(in Input) ([]byte, error) {
	doc, _ := Services(in)
	return marshal(doc)
}

func marshal(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode document: %w", err)
	}
	return append(b, '\n'), nil
}
