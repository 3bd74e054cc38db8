// Package storetest is the conformance suite for store.Store: every
// implementation (the embedded one, the Kubernetes one) runs it and must
// pass it unchanged. It checks the Kubernetes semantics the reconcilers and
// gateways rely on: resourceVersion as an optimistic-concurrency token,
// generation on spec changes only, the spec/status split, finalizers, and
// watches that replay then stream in order.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/store"
)

// Fixture builds and changes objects of the kind under test.
type Fixture[O store.Object] struct {
	// New returns a valid object that does not exist yet.
	New func(namespace, name string) O
	// MutateSpec changes the spec validly; each call must produce a spec
	// different from before (e.g. increment a counter).
	MutateSpec func(O)
	// SpecCounter reads the counter MutateSpec increments.
	SpecCounter func(O) int
	// MutateStatus changes the status; each call must produce a new status.
	MutateStatus func(O)
	// Spec and Status return the parts to compare.
	Spec, Status func(O) any
}

// Finalizer is the finalizer the suite sets.
const Finalizer = "obol.org/storetest"

// Run runs the conformance suite. newStore must return an empty store; it
// is called once per subtest.
func Run[O store.Object](t *testing.T, newStore func(t *testing.T) store.Store[O], fx Fixture[O]) {
	s := suite[O]{newStore: newStore, fx: fx}
	t.Run("CreateGet", s.createGet)
	t.Run("CreateRefusals", s.createRefusals)
	t.Run("NotFound", s.notFound)
	t.Run("ListSortedAndFiltered", s.list)
	t.Run("UpdateSpecBumpsGeneration", s.updateSpec)
	t.Run("UpdateMetadataKeepsGeneration", s.updateMetadata)
	t.Run("UpdateNeverWritesStatus", s.updateIgnoresStatus)
	t.Run("UpdateStatusNeverWritesSpec", s.updateStatus)
	t.Run("StaleResourceVersionConflicts", s.conflicts)
	t.Run("NoOpWriteKeepsResourceVersion", s.noOp)
	t.Run("ConcurrentUpdatesLoseNothing", s.concurrent)
	t.Run("ReturnedObjectsAreCopies", s.copies)
	t.Run("DeleteWithoutFinalizers", s.deletePlain)
	t.Run("DeleteWithFinalizers", s.deleteFinalizers)
	t.Run("WatchReplaysThenStreams", s.watch)
	t.Run("WatchNamespaceFilter", s.watchNamespace)
	t.Run("WatchEndsWithContext", s.watchCancel)
	t.Run("CanceledContext", s.canceled)
}

type suite[O store.Object] struct {
	newStore func(t *testing.T) store.Store[O]
	fx       Fixture[O]
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func mustCreate[O store.Object](t *testing.T, st store.Store[O], o O) O {
	t.Helper()
	got, err := st.Create(ctxT(t), o)
	if err != nil {
		t.Fatalf("Create %s/%s: %v", o.GetNamespace(), o.GetName(), err)
	}
	return got
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func wantErr(t *testing.T, op string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("%s: error = %v, want %v", op, err, target)
	}
}

func (s suite[O]) createGet(t *testing.T) {
	st := s.newStore(t)
	in := s.fx.New("default", "alpha")
	s.fx.MutateStatus(in) // a creator's status is dropped
	got := mustCreate(t, st, in)
	if got.GetResourceVersion() == "" || got.GetUID() == "" || got.GetCreationTimestamp().Time.IsZero() {
		t.Errorf("Create did not set resourceVersion/uid/creationTimestamp: %q %q %v", got.GetResourceVersion(), got.GetUID(), got.GetCreationTimestamp())
	}
	if got.GetGeneration() != 1 {
		t.Errorf("generation after Create = %d, want 1", got.GetGeneration())
	}
	if jsonOf(t, s.fx.Status(got)) != jsonOf(t, s.fx.Status(s.fx.New("default", "alpha"))) {
		t.Errorf("Create kept the caller's status: %s", jsonOf(t, s.fx.Status(got)))
	}
	if jsonOf(t, s.fx.Spec(got)) != jsonOf(t, s.fx.Spec(in)) {
		t.Errorf("Create changed the spec:\n got %s\nwant %s", jsonOf(t, s.fx.Spec(got)), jsonOf(t, s.fx.Spec(in)))
	}
	again, err := st.Get(ctxT(t), "default", "alpha")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(jsonOf(t, got), jsonOf(t, again)); diff != "" {
		t.Errorf("Get differs from Create's result (-create +get):\n%s", diff)
	}
	if kind := again.GetObjectKind().GroupVersionKind().Kind; kind == "" {
		t.Error("Get returned an object without kind")
	}
}

func (s suite[O]) createRefusals(t *testing.T) {
	st := s.newStore(t)
	mustCreate(t, st, s.fx.New("default", "alpha"))
	_, err := st.Create(ctxT(t), s.fx.New("default", "alpha"))
	wantErr(t, "Create of an existing name", err, store.ErrAlreadyExists)

	withRV := s.fx.New("default", "beta")
	withRV.SetResourceVersion("12")
	_, err = st.Create(ctxT(t), withRV)
	wantErr(t, "Create with a resourceVersion", err, store.ErrInvalid)

	for _, bad := range [][2]string{{"default", ""}, {"", "gamma"}, {"default", "Has_Upper"}} {
		_, err = st.Create(ctxT(t), s.fx.New(bad[0], bad[1]))
		wantErr(t, fmt.Sprintf("Create %q/%q", bad[0], bad[1]), err, store.ErrInvalid)
	}
	items, err := st.List(ctxT(t), store.ListOptions{})
	if err != nil || len(items) != 1 {
		t.Errorf("after refused creates List = %d items, %v; want 1 (nothing half-applied)", len(items), err)
	}
}

func (s suite[O]) notFound(t *testing.T) {
	st := s.newStore(t)
	_, err := st.Get(ctxT(t), "default", "missing")
	wantErr(t, "Get", err, store.ErrNotFound)
	wantErr(t, "Delete", st.Delete(ctxT(t), "default", "missing"), store.ErrNotFound)
	o := s.fx.New("default", "missing")
	o.SetResourceVersion("1")
	_, err = st.Update(ctxT(t), o)
	wantErr(t, "Update", err, store.ErrNotFound)
	_, err = st.UpdateStatus(ctxT(t), o)
	wantErr(t, "UpdateStatus", err, store.ErrNotFound)
}

func names[O store.Object](items []O) []string {
	out := make([]string, len(items))
	for i, o := range items {
		out[i] = o.GetNamespace() + "/" + o.GetName()
	}
	return out
}

func (s suite[O]) list(t *testing.T) {
	st := s.newStore(t)
	for _, n := range [][2]string{{"zeta", "b"}, {"default", "c"}, {"zeta", "a"}, {"default", "a"}, {"default-x", "a"}} {
		mustCreate(t, st, s.fx.New(n[0], n[1]))
	}
	all, err := st.List(ctxT(t), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"default/a", "default/c", "default-x/a", "zeta/a", "zeta/b"}, names(all)); diff != "" {
		t.Errorf("List all (-want +got):\n%s", diff)
	}
	def, err := st.List(ctxT(t), store.ListOptions{Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"default/a", "default/c"}, names(def)); diff != "" {
		t.Errorf("List default (-want +got):\n%s", diff)
	}
	none, err := st.List(ctxT(t), store.ListOptions{Namespace: "empty"})
	if err != nil || len(none) != 0 {
		t.Errorf("List of an empty namespace = %v, %v", names(none), err)
	}
}

func (s suite[O]) updateSpec(t *testing.T) {
	st := s.newStore(t)
	cur := mustCreate(t, st, s.fx.New("default", "alpha"))
	s.fx.MutateSpec(cur)
	got, err := st.Update(ctxT(t), cur)
	if err != nil {
		t.Fatal(err)
	}
	if got.GetGeneration() != 2 {
		t.Errorf("generation after a spec change = %d, want 2", got.GetGeneration())
	}
	if got.GetResourceVersion() == cur.GetResourceVersion() {
		t.Error("resourceVersion did not change on a spec change")
	}
	if s.fx.SpecCounter(got) != s.fx.SpecCounter(cur) {
		t.Errorf("spec not written: counter %d, want %d", s.fx.SpecCounter(got), s.fx.SpecCounter(cur))
	}
	if got.GetUID() != cur.GetUID() || !got.GetCreationTimestamp().Time.Equal(cur.GetCreationTimestamp().Time) {
		t.Error("Update changed uid or creationTimestamp")
	}
}

func (s suite[O]) updateMetadata(t *testing.T) {
	st := s.newStore(t)
	cur := mustCreate(t, st, s.fx.New("default", "alpha"))
	cur.SetLabels(map[string]string{"team": "a"})
	cur.SetAnnotations(map[string]string{"note": "x"})
	got, err := st.Update(ctxT(t), cur)
	if err != nil {
		t.Fatal(err)
	}
	if got.GetGeneration() != 1 {
		t.Errorf("generation after a metadata change = %d, want 1", got.GetGeneration())
	}
	if got.GetResourceVersion() == cur.GetResourceVersion() || got.GetLabels()["team"] != "a" {
		t.Errorf("metadata change not written: rv %s→%s labels %v", cur.GetResourceVersion(), got.GetResourceVersion(), got.GetLabels())
	}
}

func (s suite[O]) updateIgnoresStatus(t *testing.T) {
	st := s.newStore(t)
	cur := mustCreate(t, st, s.fx.New("default", "alpha"))
	before := jsonOf(t, s.fx.Status(cur))
	s.fx.MutateStatus(cur)
	s.fx.MutateSpec(cur)
	got, err := st.Update(ctxT(t), cur)
	if err != nil {
		t.Fatal(err)
	}
	if after := jsonOf(t, s.fx.Status(got)); after != before {
		t.Errorf("Update wrote status: %s, want %s", after, before)
	}
}

func (s suite[O]) updateStatus(t *testing.T) {
	st := s.newStore(t)
	cur := mustCreate(t, st, s.fx.New("default", "alpha"))
	specBefore := jsonOf(t, s.fx.Spec(cur))
	s.fx.MutateStatus(cur)
	wantStatus := jsonOf(t, s.fx.Status(cur))
	s.fx.MutateSpec(cur)
	cur.SetLabels(map[string]string{"sneaky": "yes"})
	got, err := st.UpdateStatus(ctxT(t), cur)
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, s.fx.Status(got)) != wantStatus {
		t.Errorf("status not written: %s, want %s", jsonOf(t, s.fx.Status(got)), wantStatus)
	}
	if jsonOf(t, s.fx.Spec(got)) != specBefore || got.GetLabels()["sneaky"] != "" {
		t.Error("UpdateStatus wrote spec or metadata")
	}
	if got.GetGeneration() != 1 {
		t.Errorf("generation after UpdateStatus = %d, want 1", got.GetGeneration())
	}
	stored, err := st.Get(ctxT(t), "default", "alpha")
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, s.fx.Status(stored)) != wantStatus {
		t.Error("status not durable")
	}
}

func (s suite[O]) conflicts(t *testing.T) {
	st := s.newStore(t)
	first := mustCreate(t, st, s.fx.New("default", "alpha"))
	stale := first.DeepCopyObject().(O)
	s.fx.MutateSpec(first)
	if _, err := st.Update(ctxT(t), first); err != nil {
		t.Fatal(err)
	}
	s.fx.MutateSpec(stale)
	_, err := st.Update(ctxT(t), stale)
	wantErr(t, "Update with a stale resourceVersion", err, store.ErrConflict)
	s.fx.MutateStatus(stale)
	_, err = st.UpdateStatus(ctxT(t), stale)
	wantErr(t, "UpdateStatus with a stale resourceVersion", err, store.ErrConflict)
	stale.SetResourceVersion("")
	_, err = st.Update(ctxT(t), stale)
	wantErr(t, "Update without a resourceVersion", err, store.ErrInvalid)
	got, err := st.Get(ctxT(t), "default", "alpha")
	if err != nil {
		t.Fatal(err)
	}
	if got.GetGeneration() != 2 {
		t.Errorf("refused writes changed the object: generation %d, want 2", got.GetGeneration())
	}
}

func (s suite[O]) noOp(t *testing.T) {
	st := s.newStore(t)
	cur := mustCreate(t, st, s.fx.New("default", "alpha"))
	got, err := st.Update(ctxT(t), cur)
	if err != nil {
		t.Fatal(err)
	}
	if got.GetResourceVersion() != cur.GetResourceVersion() {
		t.Errorf("no-op Update changed resourceVersion %s → %s", cur.GetResourceVersion(), got.GetResourceVersion())
	}
	got, err = st.UpdateStatus(ctxT(t), cur)
	if err != nil {
		t.Fatal(err)
	}
	if got.GetResourceVersion() != cur.GetResourceVersion() {
		t.Errorf("no-op UpdateStatus changed resourceVersion %s → %s", cur.GetResourceVersion(), got.GetResourceVersion())
	}
}

// concurrent runs read-modify-write loops that retry on conflict; if the
// store let two writers win with the same resourceVersion, increments
// would be lost and the counter would fall short.
func (s suite[O]) concurrent(t *testing.T) {
	st := s.newStore(t)
	start := mustCreate(t, st, s.fx.New("default", "alpha"))
	base := s.fx.SpecCounter(start)
	const writers, each = 4, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for range writers {
		wg.Go(func() {
			for done := 0; done < each; {
				cur, err := st.Get(ctxT(t), "default", "alpha")
				if err != nil {
					errs <- err
					return
				}
				s.fx.MutateSpec(cur)
				if _, err := st.Update(ctxT(t), cur); errors.Is(err, store.ErrConflict) {
					continue
				} else if err != nil {
					errs <- err
					return
				}
				done++
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, err := st.Get(ctxT(t), "default", "alpha")
	if err != nil {
		t.Fatal(err)
	}
	if c := s.fx.SpecCounter(got) - base; c != writers*each {
		t.Errorf("counter advanced by %d, want %d: an update was lost", c, writers*each)
	}
	if g := got.GetGeneration(); g != 1+writers*each {
		t.Errorf("generation = %d, want %d", g, 1+writers*each)
	}
}

func (s suite[O]) copies(t *testing.T) {
	st := s.newStore(t)
	got := mustCreate(t, st, s.fx.New("default", "alpha"))
	want := jsonOf(t, got)
	s.fx.MutateSpec(got)
	got.SetLabels(map[string]string{"changed": "yes"})
	again, err := st.Get(ctxT(t), "default", "alpha")
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, again) != want {
		t.Error("mutating a returned object changed the store")
	}
	s.fx.MutateSpec(again)
	list, err := st.List(ctxT(t), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, list[0]) != want {
		t.Error("mutating a Get result changed List's result")
	}
}

func (s suite[O]) deletePlain(t *testing.T) {
	st := s.newStore(t)
	mustCreate(t, st, s.fx.New("default", "alpha"))
	if err := st.Delete(ctxT(t), "default", "alpha"); err != nil {
		t.Fatal(err)
	}
	_, err := st.Get(ctxT(t), "default", "alpha")
	wantErr(t, "Get after Delete", err, store.ErrNotFound)
	mustCreate(t, st, s.fx.New("default", "alpha")) // the name is free again
}

func (s suite[O]) deleteFinalizers(t *testing.T) {
	st := s.newStore(t)
	o := s.fx.New("default", "alpha")
	o.SetFinalizers([]string{Finalizer})
	mustCreate(t, st, o)
	if err := st.Delete(ctxT(t), "default", "alpha"); err != nil {
		t.Fatal(err)
	}
	cur, err := st.Get(ctxT(t), "default", "alpha")
	if err != nil {
		t.Fatalf("object with a finalizer vanished on Delete: %v", err)
	}
	if cur.GetDeletionTimestamp() == nil {
		t.Fatal("Delete did not set deletionTimestamp")
	}
	if err := st.Delete(ctxT(t), "default", "alpha"); err != nil {
		t.Errorf("second Delete of a deleting object: %v", err)
	}
	s.fx.MutateStatus(cur)
	if cur, err = st.UpdateStatus(ctxT(t), cur); err != nil {
		t.Fatalf("UpdateStatus while deleting: %v", err)
	}
	added := cur.DeepCopyObject().(O)
	added.SetFinalizers([]string{Finalizer, "obol.org/another"})
	_, err = st.Update(ctxT(t), added)
	wantErr(t, "adding a finalizer while deleting", err, store.ErrInvalid)
	cur.SetFinalizers(nil)
	if _, err := st.Update(ctxT(t), cur); err != nil {
		t.Fatalf("removing the last finalizer: %v", err)
	}
	_, err = st.Get(ctxT(t), "default", "alpha")
	wantErr(t, "Get after the last finalizer went", err, store.ErrNotFound)
}

// next reads one event or fails after a bounded wait.
func next[O store.Object](t *testing.T, ch <-chan store.Event[O]) store.Event[O] {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			t.Fatal("watch channel closed early")
		}
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no watch event within 10s")
	}
	panic("unreachable")
}

func (s suite[O]) watch(t *testing.T) {
	st := s.newStore(t)
	mustCreate(t, st, s.fx.New("default", "b"))
	mustCreate(t, st, s.fx.New("default", "a"))
	ctx, cancel := context.WithCancel(ctxT(t))
	defer cancel()
	ch, err := st.Watch(ctx, store.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	other, err := st.Watch(ctx, store.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		Type store.EventType
		Name string
	}
	var got []seen
	for range 3 {
		ev := next(t, ch)
		name := ""
		if ev.Type != store.Synced {
			name = ev.Object.GetName()
		}
		got = append(got, seen{ev.Type, name})
	}
	if diff := cmp.Diff([]seen{{store.Added, "a"}, {store.Added, "b"}, {store.Synced, ""}}, got); diff != "" {
		t.Fatalf("replay (-want +got):\n%s", diff)
	}

	o := s.fx.New("default", "c")
	o.SetFinalizers([]string{Finalizer})
	c := mustCreate(t, st, o)
	s.fx.MutateSpec(c)
	c, err = st.Update(ctxT(t), c)
	if err != nil {
		t.Fatal(err)
	}
	s.fx.MutateStatus(c)
	if c, err = st.UpdateStatus(ctxT(t), c); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpdateStatus(ctxT(t), c); err != nil { // no-op: no event
		t.Fatal(err)
	}
	if err := st.Delete(ctxT(t), "default", "c"); err != nil {
		t.Fatal(err)
	}
	c, err = st.Get(ctxT(t), "default", "c")
	if err != nil {
		t.Fatal(err)
	}
	c.SetFinalizers(nil)
	if _, err := st.Update(ctxT(t), c); err != nil {
		t.Fatal(err)
	}
	want := []store.EventType{store.Added, store.Modified, store.Modified, store.Modified, store.Deleted}
	for _, w := range []<-chan store.Event[O]{ch, other} {
		var types []store.EventType
		var lastRV int64
		if w == other {
			for range 3 {
				next(t, w) // skip the replay
			}
		}
		for i := range want {
			ev := next(t, w)
			types = append(types, ev.Type)
			if i == 3 && ev.Object.GetDeletionTimestamp() == nil {
				t.Error("the delete request's event carries no deletionTimestamp")
			}
			if ev.Object.GetName() != "c" {
				t.Errorf("event for %q, want c", ev.Object.GetName())
			}
			var rv int64
			if _, err := fmt.Sscan(ev.Object.GetResourceVersion(), &rv); err == nil {
				if rv <= lastRV {
					t.Errorf("resourceVersion %d after %d: events out of order", rv, lastRV)
				}
				lastRV = rv
			}
		}
		if diff := cmp.Diff(want, types); diff != "" {
			t.Errorf("live events (-want +got):\n%s", diff)
		}
	}
}

func (s suite[O]) watchNamespace(t *testing.T) {
	st := s.newStore(t)
	mustCreate(t, st, s.fx.New("other", "x"))
	ch, err := st.Watch(ctxT(t), store.WatchOptions{Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	if ev := next(t, ch); ev.Type != store.Synced {
		t.Fatalf("first event %s, want SYNCED (the other namespace is not replayed)", ev.Type)
	}
	mustCreate(t, st, s.fx.New("other", "y"))
	mustCreate(t, st, s.fx.New("default", "z"))
	if ev := next(t, ch); ev.Type != store.Added || ev.Object.GetNamespace() != "default" {
		t.Errorf("event %s %s/%s, want ADDED default/z", ev.Type, ev.Object.GetNamespace(), ev.Object.GetName())
	}
}

func (s suite[O]) watchCancel(t *testing.T) {
	st := s.newStore(t)
	ctx, cancel := context.WithCancel(ctxT(t))
	ch, err := st.Watch(ctx, store.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("watch channel not closed 10s after its context ended")
		}
	}
}

func (s suite[O]) canceled(t *testing.T) {
	st := s.newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := st.Create(ctx, s.fx.New("default", "alpha")); !errors.Is(err, context.Canceled) {
		t.Errorf("Create with a canceled context: %v", err)
	}
	if _, err := st.Get(ctx, "default", "alpha"); !errors.Is(err, context.Canceled) {
		t.Errorf("Get with a canceled context: %v", err)
	}
	if _, err := st.Get(ctxT(t), "default", "alpha"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a canceled Create stored the object: %v", err)
	}
}
