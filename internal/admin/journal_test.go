package admin_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/internal/admin"
	"github.com/obol-dev/obol/internal/x402/facilitator"
)

func TestFacilitatorJournal(t *testing.T) {
	type call struct {
		state string
		limit int
	}
	var got []call
	at := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	h := admin.New(admin.Options{Logger: slog.New(slog.DiscardHandler), MasterKey: key,
		Journal: func(_ context.Context, state string, limit int) (any, error) {
			got = append(got, call{state, limit})
			return []facilitator.JournalEntry{{Key: "k1", State: "mined", Tx: "0x01", Block: 7, Created: at, Resolved: at.Add(time.Second)}}, nil
		}})
	srv := httptest.NewServer(h)
	defer srv.Close()
	c := client.New(srv.URL, key)
	ctx := context.Background()
	items, err := c.FacilitatorJournal(ctx, facilitator.JournalQuery{State: "mined", Limit: 5})
	if err != nil || len(items) != 1 || items[0].Key != "k1" || items[0].Block != 7 || !items[0].Created.Equal(at) {
		t.Fatalf("journal: %+v, %v", items, err)
	}
	if _, err := c.FacilitatorJournal(ctx, facilitator.JournalQuery{}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != (call{"mined", 5}) || got[1] != (call{"", 0}) {
		t.Fatalf("calls %+v", got)
	}
	for _, q := range []facilitator.JournalQuery{{State: "pending"}, {Limit: -1}} {
		var apiErr *client.APIError
		if _, err := c.FacilitatorJournal(ctx, q); !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest || apiErr.Code != "bad_query" {
			t.Fatalf("query %+v: %v", q, err)
		}
	}
	if len(got) != 2 {
		t.Fatal("a bad query reached the journal")
	}
	// Behind the master key like every admin route.
	resp, err := http.Get(srv.URL + "/admin/v1/facilitator/journal")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("without the key: %d", resp.StatusCode)
	}
	// A stack without the journal answers 404.
	none := httptest.NewServer(admin.New(admin.Options{MasterKey: key}))
	defer none.Close()
	if _, err := client.New(none.URL, key).FacilitatorJournal(ctx, facilitator.JournalQuery{}); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("no journal: %v", err)
	}
}
