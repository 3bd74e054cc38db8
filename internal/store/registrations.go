package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/obol-dev/obol/internal/db"
)

// registrationsBucket holds the seller's ERC-8004 registrations.
const registrationsBucket = "store.registrations"

// Registration is one on-chain ERC-8004 agent registration of this seller.
type Registration struct {
	AgentID  string `json:"agentId"`  // decimal token id
	ChainID  uint64 `json:"chainId"`  // EVM chain id
	Registry string `json:"registry"` // identity registry address
	TxHash   string `json:"txHash,omitempty"`
	// Offer is the namespace/name of the offer it was made for; an offer
	// is registered once, whatever happens to it later.
	Offer string `json:"offer,omitempty"`
}

func (r Registration) key() []byte {
	return []byte(strconv.FormatUint(r.ChainID, 10) + "\x00" + strings.ToLower(r.Registry) + "\x00" + r.AgentID)
}

func (r Registration) check() error {
	if r.AgentID == "" || strings.Trim(r.AgentID, "0123456789") != "" || len(r.AgentID) > 78 {
		return fmt.Errorf("agentId %q is not a decimal token id: %w", r.AgentID, ErrInvalid)
	}
	if r.ChainID == 0 || !strings.HasPrefix(r.Registry, "0x") || len(r.Registry) != 42 {
		return fmt.Errorf("registration needs a chain id and a 0x registry address: %w", ErrInvalid)
	}
	return nil
}

// Registrations is the durable ledger of the seller's agent registrations.
// Offers carry their agentId in status, but an offer can be deleted; the
// ledger remembers, so the registration document can still name the agent
// (inactive) after the last offer is gone.
type Registrations struct{ db *db.DB }

// NewRegistrations opens the ledger in the project database.
func NewRegistrations(d *db.DB) (*Registrations, error) {
	if d == nil {
		return nil, errors.New("new registrations: DB is required")
	}
	if err := d.EnsureBuckets(registrationsBucket); err != nil {
		return nil, fmt.Errorf("new registrations: %w", err)
	}
	return &Registrations{db: d}, nil
}

// Record adds (or refreshes) a registration; fsynced before it returns.
func (l *Registrations) Record(ctx context.Context, r Registration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := r.check(); err != nil {
		return fmt.Errorf("record registration: %w", err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("record registration: %w", err)
	}
	return l.db.Update(func(tx *db.Tx) error { return tx.Bucket([]byte(registrationsBucket)).Put(r.key(), data) })
}

// List returns every registration, by chain then agentId.
func (l *Registrations) List(ctx context.Context) ([]Registration, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []Registration
	err := l.db.View(func(tx *db.Tx) error {
		return tx.Bucket([]byte(registrationsBucket)).ForEach(func(k, v []byte) error {
			var r Registration
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode stored registration %q: %w", strings.ReplaceAll(string(k), "\x00", "/"), err)
			}
			out = append(out, r)
			return nil
		})
	})
	slices.SortFunc(out, func(a, b Registration) int {
		return cmp.Or(cmp.Compare(a.ChainID, b.ChainID), cmp.Compare(len(a.AgentID), len(b.AgentID)), strings.Compare(a.AgentID, b.AgentID))
	})
	return out, err
}
