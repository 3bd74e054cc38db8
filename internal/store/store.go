// Package store keeps obol's resources (ServiceOffer, PurchaseRequest) with
// Kubernetes semantics, whichever backend holds them.
//
// The design is one generic interface, Store[O], over the object pointer
// type (Store[*v1alpha1.ServiceOffer]). A Kind[O] describes the few things
// the generic code cannot see by itself: how to make an empty object and
// where its spec and status are. The embedded implementation (NewEmbedded)
// keeps objects in the project database; a Kubernetes implementation over
// controller-runtime lives in internal/kube. Both pass the conformance suite
// in storetest.
//
// Semantics, as in Kubernetes:
//   - resourceVersion changes on every write and is the optimistic-concurrency
//     token: Update and UpdateStatus with a stale one fail with ErrConflict,
//     and without one with ErrInvalid. A write that changes nothing keeps it.
//   - generation starts at 1 and increases only when the spec changes.
//   - Update never changes status; UpdateStatus never changes anything but status.
//   - Delete of an object with finalizers only sets deletionTimestamp; the
//     object goes away when an Update removes the last finalizer.
//   - Watch first replays every existing object as Added, then sends Synced,
//     then every change in resourceVersion order.
package store

import (
	"context"
	"errors"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Errors every implementation returns (wrapped), tested with errors.Is.
var (
	// ErrNotFound: no object with that namespace and name.
	ErrNotFound = errors.New("not found")
	// ErrAlreadyExists: Create of a namespace/name that exists.
	ErrAlreadyExists = errors.New("already exists")
	// ErrConflict: the resourceVersion is stale; re-read and retry.
	ErrConflict = errors.New("conflict: the object was modified; read it again and retry")
	// ErrInvalid: the object cannot be stored as given.
	ErrInvalid = errors.New("invalid object")
)

// Object is what a store keeps: a pointer to a Kubernetes-shaped resource.
type Object interface {
	metav1.Object
	runtime.Object
}

// EventType says what happened to an object.
type EventType string

// Event types.
const (
	Added    EventType = "ADDED"
	Modified EventType = "MODIFIED"
	Deleted  EventType = "DELETED"
	// Synced follows the replay of existing objects: from here on every
	// event is a live change. Its Object is the zero value.
	Synced EventType = "SYNCED"
)

// Event is one change seen by a watcher. Object is the watcher's own copy.
type Event[O Object] struct {
	Type   EventType
	Object O
}

// ListOptions narrow a List.
type ListOptions struct {
	// Namespace limits the list to one namespace; "" means all.
	Namespace string
}

// WatchOptions narrow a Watch.
type WatchOptions struct {
	// Namespace limits the watch to one namespace; "" means all.
	Namespace string
}

// Store holds objects of one kind. Objects passed in are never retained and
// objects returned are the caller's own copies.
type Store[O Object] interface {
	// Get returns the object, or ErrNotFound.
	Get(ctx context.Context, namespace, name string) (O, error)
	// List returns every object (in one namespace, or all), sorted by
	// namespace then name.
	List(ctx context.Context, opts ListOptions) ([]O, error)
	// Create stores a new object: generation 1, a fresh uid and
	// resourceVersion, status cleared. ErrAlreadyExists if the name is taken.
	Create(ctx context.Context, obj O) (O, error)
	// Update writes metadata and spec (never status). obj's
	// resourceVersion must be the current one.
	Update(ctx context.Context, obj O) (O, error)
	// UpdateStatus writes status only. obj's resourceVersion must be the
	// current one.
	UpdateStatus(ctx context.Context, obj O) (O, error)
	// Delete removes the object, or marks it deleting while finalizers remain.
	Delete(ctx context.Context, namespace, name string) error
	// Watch streams events until ctx ends, then closes the channel.
	Watch(ctx context.Context, opts WatchOptions) (<-chan Event[O], error)
}

// Kind tells the generic store code what it cannot see by itself.
type Kind[O Object] struct {
	// TypeMeta is stamped on every stored object.
	TypeMeta metav1.TypeMeta
	// New returns an empty object.
	New func() O
	// Spec returns the spec; a change of it bumps generation.
	Spec func(O) any
	// CopySpec copies src's spec into dst.
	CopySpec func(dst, src O)
	// CopyStatus copies src's status into dst.
	CopyStatus func(dst, src O)
	// Validate, if set, checks an object before Create and before an
	// Update that changes the spec.
	Validate func(O) error
}

func (k Kind[O]) check() error {
	if k.TypeMeta.Kind == "" || k.New == nil || k.Spec == nil || k.CopySpec == nil || k.CopyStatus == nil {
		return errors.New("store kind is incomplete: TypeMeta.Kind, New, Spec, CopySpec and CopyStatus are required")
	}
	return nil
}
