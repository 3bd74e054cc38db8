package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/store"
)

func TestRegistrationsLedger(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "obol.db")
	d, err := db.Open(path, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := store.NewRegistrations(d)
	if err != nil {
		t.Fatal(err)
	}
	const reg = "0x8004A818BFB912233c491871b3d84c89A494BD9e"
	for _, r := range []store.Registration{
		{AgentID: "10", ChainID: 84532, Registry: reg},
		{AgentID: "7", ChainID: 84532, Registry: reg, TxHash: "0xaa"},
		{AgentID: "3", ChainID: 1337, Registry: reg},
		{AgentID: "7", ChainID: 84532, Registry: reg, TxHash: "0xbb"}, // refresh, not a duplicate
	} {
		if err := l.Record(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []store.Registration{{AgentID: "x", ChainID: 1, Registry: reg}, {AgentID: "1", Registry: reg}, {AgentID: "1", ChainID: 1, Registry: "nope"}} {
		if err := l.Record(ctx, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Record(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
	d.Close()
	d, err = db.Open(path, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	l, _ = store.NewRegistrations(d)
	got, err := l.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Registration{
		{AgentID: "3", ChainID: 1337, Registry: reg},
		{AgentID: "7", ChainID: 84532, Registry: reg, TxHash: "0xbb"},
		{AgentID: "10", ChainID: 84532, Registry: reg},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after reopen (-want +got):\n%s", diff)
	}
}
