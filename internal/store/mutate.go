package store

import (
	"context"
	"errors"
	"fmt"
)

// MaxMutateAttempts bounds Mutate's read-modify-write retries.
const MaxMutateAttempts = 10

// Mutate reads an object, applies change, and writes it back with Update
// (or UpdateStatus when status is true), retrying from a fresh read when
// another writer got there first. change may return an error to abort;
// nothing is written then.
func Mutate[O Object](ctx context.Context, s Store[O], namespace, name string, status bool, change func(O) error) (O, error) {
	var zero O
	for range MaxMutateAttempts {
		cur, err := s.Get(ctx, namespace, name)
		if err != nil {
			return zero, err
		}
		if err := change(cur); err != nil {
			return zero, err
		}
		var out O
		if status {
			out, err = s.UpdateStatus(ctx, cur)
		} else {
			out, err = s.Update(ctx, cur)
		}
		if errors.Is(err, ErrConflict) {
			continue
		}
		return out, err
	}
	return zero, fmt.Errorf("update %s/%s: still conflicting after %d attempts: %w", namespace, name, MaxMutateAttempts, ErrConflict)
}
