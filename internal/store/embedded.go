package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/db"
)

// metaBucket holds the resourceVersion counter shared by every kind, so a
// resourceVersion is unique across the whole database (like etcd's revision).
const metaBucket = "store.meta"

var rvKey = []byte("resourceVersion")

// EmbeddedOptions configure NewEmbedded.
type EmbeddedOptions[O Object] struct {
	// DB is the project database. Required.
	DB *db.DB
	// Kind describes the objects. Required.
	Kind Kind[O]
	// Now is the clock for creation and deletion timestamps; default time.Now.
	Now func() time.Time
	// Logger; default slog.Default().
	Logger *slog.Logger
	// MaxWatchBacklog is how many undelivered events one watcher may hold
	// before the store ends its watch (the channel closes; the watcher
	// watches again and gets a fresh replay, as a Kubernetes client does
	// after "resource version too old"). Default 65536.
	MaxWatchBacklog int
}

// Embedded is the Store on the project database. Every write is one bbolt
// transaction, fsynced before the call returns, and its event is published
// to watchers only after the commit. Use one Embedded per kind per
// database: watchers see the writes made through the same Embedded.
type Embedded[O Object] struct {
	db     *db.DB
	kind   Kind[O]
	bucket []byte
	now    func() time.Time
	log    *slog.Logger
	maxLag int

	// mu serializes writes with their event publication, so watchers see
	// events in resourceVersion order, and registers watchers atomically
	// with their initial replay.
	mu     sync.Mutex
	subs   map[*subscriber[O]]struct{}
	closed bool
}

var _ Store[*v1alpha1.ServiceOffer] = (*Embedded[*v1alpha1.ServiceOffer])(nil)

// NewEmbedded returns the embedded store for one kind.
func NewEmbedded[O Object](opts EmbeddedOptions[O]) (*Embedded[O], error) {
	if opts.DB == nil {
		return nil, errors.New("new embedded store: DB is required")
	}
	if err := opts.Kind.check(); err != nil {
		return nil, fmt.Errorf("new embedded store: %w", err)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.MaxWatchBacklog <= 0 {
		opts.MaxWatchBacklog = 1 << 16
	}
	bucket := "store." + opts.Kind.TypeMeta.Kind
	if err := opts.DB.EnsureBuckets(bucket, metaBucket); err != nil {
		return nil, fmt.Errorf("new embedded store: %w", err)
	}
	return &Embedded[O]{
		db: opts.DB, kind: opts.Kind, bucket: []byte(bucket), now: opts.Now, maxLag: opts.MaxWatchBacklog,
		log: opts.Logger.With("kind", opts.Kind.TypeMeta.Kind), subs: map[*subscriber[O]]struct{}{},
	}, nil
}

// NewServiceOffers is the embedded ServiceOffer store.
func NewServiceOffers(d *db.DB, log *slog.Logger) (*Embedded[*v1alpha1.ServiceOffer], error) {
	return NewEmbedded(EmbeddedOptions[*v1alpha1.ServiceOffer]{DB: d, Kind: ServiceOfferKind(), Logger: log})
}

// NewPurchaseRequests is the embedded PurchaseRequest store.
func NewPurchaseRequests(d *db.DB, log *slog.Logger) (*Embedded[*v1alpha1.PurchaseRequest], error) {
	return NewEmbedded(EmbeddedOptions[*v1alpha1.PurchaseRequest]{DB: d, Kind: PurchaseRequestKind(), Logger: log})
}

// Close ends every watch (their channels close). Reads and writes keep
// working; the database is the caller's to close.
func (s *Embedded[O]) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for w := range s.subs {
		w.close()
	}
	clear(s.subs)
}

// objectKey separates namespace and name with a NUL byte: it sorts before
// every character a name may hold, so key order is namespace-then-name
// order ("default" before "default-x").
func objectKey(namespace, name string) []byte { return []byte(namespace + "\x00" + name) }

// keyString shows a key as namespace/name.
func keyString(key []byte) string { return strings.Replace(string(key), "\x00", "/", 1) }

// Get implements Store.
func (s *Embedded[O]) Get(ctx context.Context, namespace, name string) (O, error) {
	var zero, out O
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	err := s.db.View(func(tx *db.Tx) error {
		data := tx.Bucket(s.bucket).Get(objectKey(namespace, name))
		if data == nil {
			return fmt.Errorf("get %s %s/%s: %w", s.kind.TypeMeta.Kind, namespace, name, ErrNotFound)
		}
		var err error
		out, err = s.decode(objectKey(namespace, name), data)
		return err
	})
	if err != nil {
		return zero, err
	}
	return out, nil
}

// List implements Store.
func (s *Embedded[O]) List(ctx context.Context, opts ListOptions) ([]O, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []O
	err := s.db.View(func(tx *db.Tx) error {
		var err error
		out, err = s.listTx(tx, opts.Namespace)
		return err
	})
	return out, err
}

// listTx returns objects in key order, which is namespace then name.
func (s *Embedded[O]) listTx(tx *db.Tx, namespace string) ([]O, error) {
	c := tx.Bucket(s.bucket).Cursor()
	prefix := []byte(nil)
	if namespace != "" {
		prefix = objectKey(namespace, "")
	}
	var out []O
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		o, err := s.decode(k, v)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// Create implements Store.
func (s *Embedded[O]) Create(ctx context.Context, obj O) (O, error) {
	return s.mutate(ctx, func(tx *db.Tx) (O, *Event[O], error) {
		var zero O
		ns, name := obj.GetNamespace(), obj.GetName()
		if err := checkNames(ns, name); err != nil {
			return zero, nil, fmt.Errorf("create %s: %w", s.kind.TypeMeta.Kind, err)
		}
		if obj.GetResourceVersion() != "" {
			return zero, nil, fmt.Errorf("create %s %s/%s: resourceVersion must be empty on create: %w", s.kind.TypeMeta.Kind, ns, name, ErrInvalid)
		}
		if s.kind.Validate != nil {
			if err := s.kind.Validate(obj); err != nil {
				return zero, nil, fmt.Errorf("create %s %s/%s: %w: %w", s.kind.TypeMeta.Kind, ns, name, ErrInvalid, err)
			}
		}
		b := tx.Bucket(s.bucket)
		key := objectKey(ns, name)
		if b.Get(key) != nil {
			return zero, nil, fmt.Errorf("create %s %s/%s: %w", s.kind.TypeMeta.Kind, ns, name, ErrAlreadyExists)
		}
		next := obj.DeepCopyObject().(O)
		s.kind.CopyStatus(next, s.kind.New()) // status is the reconciler's, never the creator's
		next.SetUID(newUID())
		next.SetCreationTimestamp(metav1.NewTime(s.now().UTC().Truncate(time.Second)))
		next.SetDeletionTimestamp(nil)
		next.SetDeletionGracePeriodSeconds(nil)
		next.SetGeneration(1)
		next.SetManagedFields(nil)
		out, err := s.put(tx, key, next)
		if err != nil {
			return zero, nil, err
		}
		return out, &Event[O]{Type: Added, Object: out}, nil
	})
}

// Update implements Store.
func (s *Embedded[O]) Update(ctx context.Context, obj O) (O, error) {
	return s.mutate(ctx, func(tx *db.Tx) (O, *Event[O], error) {
		var zero O
		cur, curData, err := s.loadForWrite(tx, "update", obj)
		if err != nil {
			return zero, nil, err
		}
		next := obj.DeepCopyObject().(O)
		s.kind.CopyStatus(next, cur)
		keepSystemFields(next, cur)
		specChanged, err := differ(s.kind.Spec(cur), s.kind.Spec(next))
		if err != nil {
			return zero, nil, err
		}
		if specChanged {
			if s.kind.Validate != nil {
				if err := s.kind.Validate(next); err != nil {
					return zero, nil, fmt.Errorf("update %s %s/%s: %w: %w", s.kind.TypeMeta.Kind, cur.GetNamespace(), cur.GetName(), ErrInvalid, err)
				}
			}
			next.SetGeneration(cur.GetGeneration() + 1)
		}
		if cur.GetDeletionTimestamp() != nil {
			for _, f := range next.GetFinalizers() {
				if !slices.Contains(cur.GetFinalizers(), f) {
					return zero, nil, fmt.Errorf("update %s %s/%s: finalizer %q cannot be added while the object is being deleted: %w",
						s.kind.TypeMeta.Kind, cur.GetNamespace(), cur.GetName(), f, ErrInvalid)
				}
			}
			if len(next.GetFinalizers()) == 0 {
				return s.remove(tx, next)
			}
		}
		return s.putIfChanged(tx, next, cur, curData)
	})
}

// UpdateStatus implements Store.
func (s *Embedded[O]) UpdateStatus(ctx context.Context, obj O) (O, error) {
	return s.mutate(ctx, func(tx *db.Tx) (O, *Event[O], error) {
		var zero O
		cur, curData, err := s.loadForWrite(tx, "update status of", obj)
		if err != nil {
			return zero, nil, err
		}
		next := cur.DeepCopyObject().(O)
		s.kind.CopyStatus(next, obj)
		return s.putIfChanged(tx, next, cur, curData)
	})
}

// Delete implements Store.
func (s *Embedded[O]) Delete(ctx context.Context, namespace, name string) error {
	_, err := s.mutate(ctx, func(tx *db.Tx) (O, *Event[O], error) {
		var zero O
		key := objectKey(namespace, name)
		data := tx.Bucket(s.bucket).Get(key)
		if data == nil {
			return zero, nil, fmt.Errorf("delete %s %s/%s: %w", s.kind.TypeMeta.Kind, namespace, name, ErrNotFound)
		}
		cur, err := s.decode(key, data)
		if err != nil {
			return zero, nil, err
		}
		if len(cur.GetFinalizers()) == 0 {
			return s.remove(tx, cur)
		}
		if cur.GetDeletionTimestamp() != nil {
			return cur, nil, nil // already deleting: finalizers decide when it goes
		}
		next := cur.DeepCopyObject().(O)
		ts := metav1.NewTime(s.now().UTC().Truncate(time.Second))
		next.SetDeletionTimestamp(&ts)
		var grace int64
		next.SetDeletionGracePeriodSeconds(&grace)
		out, err := s.put(tx, key, next)
		if err != nil {
			return zero, nil, err
		}
		return out, &Event[O]{Type: Modified, Object: out}, nil
	})
	return err
}

// mutate runs one write transaction and publishes its event after commit.
func (s *Embedded[O]) mutate(ctx context.Context, fn func(tx *db.Tx) (O, *Event[O], error)) (O, error) {
	var zero O
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out O
	var ev *Event[O]
	err := s.db.Update(func(tx *db.Tx) error {
		var err error
		out, ev, err = fn(tx)
		return err
	})
	if err != nil {
		return zero, err
	}
	if ev != nil {
		s.publish(*ev)
	}
	return out.DeepCopyObject().(O), nil
}

func (s *Embedded[O]) loadForWrite(tx *db.Tx, verb string, obj O) (O, []byte, error) {
	var zero O
	ns, name := obj.GetNamespace(), obj.GetName()
	key := objectKey(ns, name)
	data := tx.Bucket(s.bucket).Get(key)
	if data == nil {
		return zero, nil, fmt.Errorf("%s %s %s/%s: %w", verb, s.kind.TypeMeta.Kind, ns, name, ErrNotFound)
	}
	cur, err := s.decode(key, data)
	if err != nil {
		return zero, nil, err
	}
	switch rv := obj.GetResourceVersion(); {
	case rv == "":
		return zero, nil, fmt.Errorf("%s %s %s/%s: resourceVersion is required (read the object first): %w", verb, s.kind.TypeMeta.Kind, ns, name, ErrInvalid)
	case rv != cur.GetResourceVersion():
		return zero, nil, fmt.Errorf("%s %s %s/%s at resourceVersion %s (current %s): %w", verb, s.kind.TypeMeta.Kind, ns, name, rv, cur.GetResourceVersion(), ErrConflict)
	}
	return cur, data, nil
}

// keepSystemFields copies the fields only the store may set.
func keepSystemFields[O Object](next, cur O) {
	next.SetUID(cur.GetUID())
	next.SetCreationTimestamp(cur.GetCreationTimestamp())
	next.SetDeletionTimestamp(cur.GetDeletionTimestamp())
	next.SetDeletionGracePeriodSeconds(cur.GetDeletionGracePeriodSeconds())
	next.SetGeneration(cur.GetGeneration())
	next.SetResourceVersion(cur.GetResourceVersion())
	next.SetManagedFields(nil)
}

// putIfChanged writes next unless it encodes exactly like the stored
// object: a write that changes nothing keeps its resourceVersion and sends
// no event, so reconcilers can write status unconditionally.
func (s *Embedded[O]) putIfChanged(tx *db.Tx, next, cur O, curData []byte) (O, *Event[O], error) {
	var zero O
	data, err := s.encode(next)
	if err != nil {
		return zero, nil, err
	}
	if bytes.Equal(data, curData) {
		return cur, nil, nil
	}
	out, err := s.put(tx, objectKey(next.GetNamespace(), next.GetName()), next)
	if err != nil {
		return zero, nil, err
	}
	return out, &Event[O]{Type: Modified, Object: out}, nil
}

func (s *Embedded[O]) put(tx *db.Tx, key []byte, obj O) (O, error) {
	var zero O
	rv, err := nextResourceVersion(tx)
	if err != nil {
		return zero, err
	}
	obj.SetResourceVersion(rv)
	data, err := s.encode(obj)
	if err != nil {
		return zero, err
	}
	if err := tx.Bucket(s.bucket).Put(key, data); err != nil {
		return zero, fmt.Errorf("write %s %s: %w", s.kind.TypeMeta.Kind, keyString(key), err)
	}
	// Return what a later Get returns (timestamps as decoded, TypeMeta set).
	return s.decode(key, data)
}

func (s *Embedded[O]) remove(tx *db.Tx, obj O) (O, *Event[O], error) {
	var zero O
	rv, err := nextResourceVersion(tx)
	if err != nil {
		return zero, nil, err
	}
	key := objectKey(obj.GetNamespace(), obj.GetName())
	if err := tx.Bucket(s.bucket).Delete(key); err != nil {
		return zero, nil, fmt.Errorf("delete %s %s: %w", s.kind.TypeMeta.Kind, keyString(key), err)
	}
	gone := obj.DeepCopyObject().(O)
	gone.SetResourceVersion(rv)
	return gone, &Event[O]{Type: Deleted, Object: gone}, nil
}

func nextResourceVersion(tx *db.Tx) (string, error) {
	b := tx.Bucket([]byte(metaBucket))
	var n uint64
	if v := b.Get(rvKey); len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	} else if v != nil {
		return "", fmt.Errorf("read resourceVersion counter: %d bytes, want 8", len(v))
	}
	n++
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], n)
	if err := b.Put(rvKey, buf[:]); err != nil {
		return "", fmt.Errorf("write resourceVersion counter: %w", err)
	}
	return strconv.FormatUint(n, 10), nil
}

func (s *Embedded[O]) encode(obj O) ([]byte, error) {
	setTypeMeta(obj, s.kind.TypeMeta)
	data, err := json.Marshal(obj)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", s.kind.TypeMeta.Kind, err)
	}
	return data, nil
}

func (s *Embedded[O]) decode(key, data []byte) (O, error) {
	return Decode(s.kind, key, data)
}

// Decode parses one stored record of kind k under its key, so a damaged
// record is reported instead of served.
func Decode[O Object](k Kind[O], key, data []byte) (O, error) {
	var zero O
	name := keyString(key)
	obj := k.New()
	if err := json.Unmarshal(data, obj); err != nil {
		return zero, fmt.Errorf("decode stored %s %s: %w", k.TypeMeta.Kind, name, err)
	}
	gvk := obj.GetObjectKind().GroupVersionKind()
	if gvk.Kind != k.TypeMeta.Kind || gvk.GroupVersion().String() != k.TypeMeta.APIVersion {
		return zero, fmt.Errorf("decode stored %s %s: record says %s %s", k.TypeMeta.Kind, name, gvk.GroupVersion(), gvk.Kind)
	}
	if !bytes.Equal(objectKey(obj.GetNamespace(), obj.GetName()), key) {
		return zero, fmt.Errorf("decode stored %s %s: record names %s/%s", k.TypeMeta.Kind, name, obj.GetNamespace(), obj.GetName())
	}
	if obj.GetResourceVersion() == "" {
		return zero, fmt.Errorf("decode stored %s %s: record has no resourceVersion", k.TypeMeta.Kind, name)
	}
	return obj, nil
}

func setTypeMeta(obj Object, tm metav1.TypeMeta) {
	obj.GetObjectKind().SetGroupVersionKind(tm.GroupVersionKind())
}

func differ(a, b any) (bool, error) {
	ab, err := json.Marshal(a)
	if err != nil {
		return false, fmt.Errorf("encode spec: %w", err)
	}
	bb, err := json.Marshal(b)
	if err != nil {
		return false, fmt.Errorf("encode spec: %w", err)
	}
	return !bytes.Equal(ab, bb), nil
}

func checkNames(namespace, name string) error {
	if msgs := validation.IsDNS1123Label(namespace); len(msgs) > 0 {
		return fmt.Errorf("namespace %q: %v: %w", namespace, msgs, ErrInvalid)
	}
	if msgs := validation.IsDNS1123Subdomain(name); len(msgs) > 0 {
		return fmt.Errorf("name %q: %v: %w", name, msgs, ErrInvalid)
	}
	return nil
}

func newUID() types.UID {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return types.UID(h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:])
}
