package admin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/obol-dev/obol/internal/httpx"
	"github.com/obol-dev/obol/internal/store"
)

// maxBody bounds a PUT: a PurchaseRequest with 2500 pre-signed auths is a
// few MB.
const maxBody = 16 << 20

// ApplyResult is the answer to a PUT.
type ApplyResult[O store.Object] struct {
	// Result is "created", "updated" or "unchanged".
	Result string `json:"result"`
	Object O      `json:"object"`
}

// List is the answer to a list.
type List[O store.Object] struct {
	Items []O `json:"items"`
}

type resource[O store.Object] struct {
	store store.Store[O]
	kind  store.Kind[O]
}

func (rs resource[O]) mount(mux *http.ServeMux, log *slog.Logger, plural string) {
	base := Prefix + plural
	mux.Handle("GET "+base, httpx.Handle(log, rs.list))
	mux.Handle("GET "+base+"/{ns}/{name}", httpx.Handle(log, rs.get))
	mux.Handle("PUT "+base+"/{ns}/{name}", httpx.Handle(log, rs.put))
	mux.Handle("DELETE "+base+"/{ns}/{name}", httpx.Handle(log, rs.del))
}

func (rs resource[O]) list(w http.ResponseWriter, r *http.Request) error {
	items, err := rs.store.List(r.Context(), store.ListOptions{Namespace: r.URL.Query().Get("namespace")})
	if err != nil {
		return storeError(err)
	}
	if items == nil {
		items = []O{}
	}
	httpx.WriteJSON(w, http.StatusOK, List[O]{Items: items})
	return nil
}

func (rs resource[O]) get(w http.ResponseWriter, r *http.Request) error {
	obj, err := rs.store.Get(r.Context(), r.PathValue("ns"), r.PathValue("name"))
	if err != nil {
		return storeError(err)
	}
	w.Header().Set("ETag", `"`+obj.GetResourceVersion()+`"`)
	httpx.WriteJSON(w, http.StatusOK, obj)
	return nil
}

func (rs resource[O]) put(w http.ResponseWriter, r *http.Request) error {
	in, err := rs.decode(r)
	if err != nil {
		return err
	}
	ns, name := r.PathValue("ns"), r.PathValue("name")
	if (in.GetNamespace() != "" && in.GetNamespace() != ns) || (in.GetName() != "" && in.GetName() != name) {
		return httpx.Errorf(http.StatusBadRequest, "name_mismatch", fmt.Sprintf("the body names %s/%s but the path names %s/%s", in.GetNamespace(), in.GetName(), ns, name))
	}
	in.SetNamespace(ns)
	in.SetName(name)
	ctx := r.Context()
	cur, err := rs.store.Get(ctx, ns, name)
	if errors.Is(err, store.ErrNotFound) {
		if m := r.Header.Get("If-Match"); m != "" && m != "*" {
			return httpx.Errorf(http.StatusPreconditionFailed, "precondition_failed", "If-Match given but the object does not exist")
		}
		created, err := rs.store.Create(ctx, in)
		if err != nil {
			return storeError(err)
		}
		httpx.WriteJSON(w, http.StatusCreated, ApplyResult[O]{Result: "created", Object: created})
		return nil
	}
	if err != nil {
		return storeError(err)
	}
	if m := r.Header.Get("If-Match"); m != "" && m != "*" && m != `"`+cur.GetResourceVersion()+`"` {
		return httpx.Errorf(http.StatusPreconditionFailed, "precondition_failed", "the object changed since you read it; read it again and retry")
	}
	next := cur.DeepCopyObject().(O)
	rs.kind.CopySpec(next, in)
	next.SetLabels(in.GetLabels())
	next.SetAnnotations(in.GetAnnotations())
	updated, err := rs.store.Update(ctx, next)
	if err != nil {
		return storeError(err)
	}
	result := "updated"
	if updated.GetResourceVersion() == cur.GetResourceVersion() {
		result = "unchanged"
	}
	httpx.WriteJSON(w, http.StatusOK, ApplyResult[O]{Result: result, Object: updated})
	return nil
}

func (rs resource[O]) decode(r *http.Request) (O, error) {
	var zero O
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return zero, httpx.Errorf(http.StatusBadRequest, "bad_body", "could not read the request body")
	}
	if len(raw) > maxBody {
		return zero, httpx.Errorf(http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the body is over %d bytes", maxBody))
	}
	obj := rs.kind.New()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(obj); err != nil {
		return zero, httpx.Errorf(http.StatusBadRequest, "bad_json", "the body is not a valid "+rs.kind.TypeMeta.Kind+": "+err.Error())
	}
	if k := obj.GetObjectKind().GroupVersionKind().Kind; k != "" && k != rs.kind.TypeMeta.Kind {
		return zero, httpx.Errorf(http.StatusBadRequest, "wrong_kind", fmt.Sprintf("the body is a %s, not a %s", k, rs.kind.TypeMeta.Kind))
	}
	return obj, nil
}

func (rs resource[O]) del(w http.ResponseWriter, r *http.Request) error {
	if err := rs.store.Delete(r.Context(), r.PathValue("ns"), r.PathValue("name")); err != nil {
		return storeError(err)
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]string{"result": "deleted"})
	return nil
}

// storeError maps the store's sentinels to statuses; the messages of
// validation errors are written for people, so they are passed through.
func storeError(err error) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return &httpx.Error{Status: http.StatusNotFound, Code: "not_found", Message: err.Error()}
	case errors.Is(err, store.ErrAlreadyExists):
		return &httpx.Error{Status: http.StatusConflict, Code: "already_exists", Message: err.Error()}
	case errors.Is(err, store.ErrConflict):
		return &httpx.Error{Status: http.StatusConflict, Code: "conflict", Message: err.Error()}
	case errors.Is(err, store.ErrInvalid):
		return &httpx.Error{Status: http.StatusUnprocessableEntity, Code: "invalid", Message: err.Error()}
	}
	return err
}
