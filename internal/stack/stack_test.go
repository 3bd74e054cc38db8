package stack

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/config"
)

// testConfig puts every listener on a free loopback port.
func testConfig() config.Config {
	c := config.Default()
	c.Listen = config.Listen{Public: "127.0.0.1:0", Local: "127.0.0.1:0", Buyer: "127.0.0.1:0", Facilitator: "127.0.0.1:0", Chain: "127.0.0.1:0"}
	return c
}

func TestTwoStacksShareOneChain(t *testing.T) {
	ch, err := chain.New(chain.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	ctx := context.Background()
	var stacks []*Stack
	for _, name := range []string{"alice", "bob"} {
		s, err := New(Options{DataDir: filepath.Join(t.TempDir(), name), Config: testConfig(), Chain: ch})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stacks = append(stacks, s)
	}
	for _, s := range stacks {
		key, _ := ReadMasterKey(s.opts.DataDir)
		var st Status
		if err := client.New(s.URL("local"), key).Status(ctx, &st); err != nil {
			t.Fatal(err)
		}
		if st.Chain.ChainID != 1337 || st.Wallet == "" || st.Listeners["public"] == "" {
			t.Fatalf("status %+v", st)
		}
		if s.Addr("chain") != "" {
			t.Fatal("a stack sharing a chain serves a chain listener")
		}
		resp, err := http.Get(s.URL("public") + "/api/services.json")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 && resp.StatusCode != 503 {
			t.Fatalf("services.json status %d", resp.StatusCode)
		}
	}
	if stacks[0].parts.signer.Address() == stacks[1].parts.signer.Address() {
		t.Fatal("two stacks share a wallet")
	}
}

func TestSecondStackOnSameDataDirIsRefused(t *testing.T) {
	dir := t.TempDir()
	s, err := New(Options{DataDir: dir, Config: testConfig()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = New(Options{DataDir: dir, Config: testConfig()})
	if !errors.Is(err, ErrRunning) {
		t.Fatalf("second stack: %v, want ErrRunning", err)
	}
}

func TestBusyPortStartsNothing(t *testing.T) {
	first, err := New(Options{DataDir: t.TempDir(), Config: testConfig()})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	cfg := testConfig()
	cfg.Listen.Local = first.Addr("local")
	dir := t.TempDir()
	_, err = New(Options{DataDir: dir, Config: cfg})
	if err == nil || !strings.Contains(err.Error(), "local listener") || !strings.Contains(err.Error(), "--local-addr") {
		t.Fatalf("busy port: %v", err)
	}
	// Nothing half-started: the data dir is free again.
	again, err := New(Options{DataDir: dir, Config: testConfig()})
	if err != nil {
		t.Fatalf("after a failed start the data dir stayed locked: %v", err)
	}
	again.Close()
}
