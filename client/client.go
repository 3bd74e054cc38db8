// Package client is the typed Go client of a running stack's local admin
// API (package internal/admin): resources, status, and the LLM gateway's
// model admin. The CLI and the tests use it; nothing else speaks the admin
// API by hand.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/x402/facilitator"
)

// ErrNotFound is returned when the object does not exist.
var ErrNotFound = errors.New("not found")

// Client talks to one stack.
type Client struct {
	base      string
	masterKey string
	http      *http.Client
}

// New returns a client for the stack whose local listener is at baseURL
// (e.g. http://127.0.0.1:4000).
func New(baseURL, masterKey string) *Client {
	return &Client{base: strings.TrimRight(baseURL, "/"), masterKey: masterKey, http: &http.Client{Timeout: 60 * time.Second}}
}

// APIError is an error answer of the admin API.
type APIError struct {
	Status  int
	Code    string
	Message string
}

func (e *APIError) Error() string { return e.Message }

// Unwrap maps 404 to ErrNotFound.
func (e *APIError) Unwrap() error {
	if e.Status == http.StatusNotFound {
		return ErrNotFound
	}
	return nil
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encode request: %w", err)
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.masterKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("reach the stack at %s: %w (is it running? `obol stack up`)", c.base, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	if resp.StatusCode >= 400 {
		var e struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		if json.Unmarshal(raw, &e) != nil || e.Error.Message == "" {
			return &APIError{Status: resp.StatusCode, Code: "http_error", Message: fmt.Sprintf("%s %s: HTTP %d", method, path, resp.StatusCode)}
		}
		return &APIError{Status: resp.StatusCode, Code: e.Error.Code, Message: e.Error.Message}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("decode answer of %s %s: %w", method, path, err)
	}
	return nil
}

func objPath(plural, ns, name string) string {
	return "/admin/v1/" + plural + "/" + url.PathEscape(ns) + "/" + url.PathEscape(name)
}

// Applied is the outcome of an apply: "created", "updated" or "unchanged".
type Applied[O any] struct {
	Result string `json:"result"`
	Object O      `json:"object"`
}

// ApplyOffer creates the offer or updates its spec.
func (c *Client) ApplyOffer(ctx context.Context, o *v1alpha1.ServiceOffer) (Applied[*v1alpha1.ServiceOffer], error) {
	var out Applied[*v1alpha1.ServiceOffer]
	err := c.do(ctx, http.MethodPut, objPath("serviceoffers", o.Namespace, o.Name), o, &out)
	return out, err
}

// GetOffer reads one offer.
func (c *Client) GetOffer(ctx context.Context, ns, name string) (*v1alpha1.ServiceOffer, error) {
	var out v1alpha1.ServiceOffer
	if err := c.do(ctx, http.MethodGet, objPath("serviceoffers", ns, name), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListOffers lists offers in every namespace.
func (c *Client) ListOffers(ctx context.Context) ([]*v1alpha1.ServiceOffer, error) {
	var out struct{ Items []*v1alpha1.ServiceOffer }
	err := c.do(ctx, http.MethodGet, "/admin/v1/serviceoffers", nil, &out)
	return out.Items, err
}

// DeleteOffer deletes one offer.
func (c *Client) DeleteOffer(ctx context.Context, ns, name string) error {
	return c.do(ctx, http.MethodDelete, objPath("serviceoffers", ns, name), nil, nil)
}

// ApplyPurchase creates the purchase or updates its spec.
func (c *Client) ApplyPurchase(ctx context.Context, p *v1alpha1.PurchaseRequest) (Applied[*v1alpha1.PurchaseRequest], error) {
	var out Applied[*v1alpha1.PurchaseRequest]
	err := c.do(ctx, http.MethodPut, objPath("purchaserequests", p.Namespace, p.Name), p, &out)
	return out, err
}

// GetPurchase reads one purchase.
func (c *Client) GetPurchase(ctx context.Context, ns, name string) (*v1alpha1.PurchaseRequest, error) {
	var out v1alpha1.PurchaseRequest
	if err := c.do(ctx, http.MethodGet, objPath("purchaserequests", ns, name), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListPurchases lists purchases in every namespace.
func (c *Client) ListPurchases(ctx context.Context) ([]*v1alpha1.PurchaseRequest, error) {
	var out struct{ Items []*v1alpha1.PurchaseRequest }
	err := c.do(ctx, http.MethodGet, "/admin/v1/purchaserequests", nil, &out)
	return out.Items, err
}

// DeletePurchase deletes one purchase.
func (c *Client) DeletePurchase(ctx context.Context, ns, name string) error {
	return c.do(ctx, http.MethodDelete, objPath("purchaserequests", ns, name), nil, nil)
}

// Registration is the answer of RegisterOffer.
type Registration struct {
	AgentID  string `json:"agentId"`
	TxHash   string `json:"txHash"`
	ChainID  uint64 `json:"chainId"`
	Registry string `json:"registry"`
}

// RegisterOffer registers the offer's agent on its chain's ERC-8004
// identity registry (once: a registered offer keeps its agent).
func (c *Client) RegisterOffer(ctx context.Context, ns, name string) (*Registration, error) {
	var out Registration
	if err := c.do(ctx, http.MethodPost, objPath("serviceoffers", ns, name)+"/register", nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Status decodes the stack's status into out.
func (c *Client) Status(ctx context.Context, out any) error {
	return c.do(ctx, http.MethodGet, "/admin/v1/status", nil, out)
}

// FacilitatorJournal lists the embedded facilitator's settlement journal,
// newest first, without the raw transactions (q.State "" is every state,
// q.Limit 0 no limit).
func (c *Client) FacilitatorJournal(ctx context.Context, q facilitator.JournalQuery) ([]facilitator.JournalEntry, error) {
	v := url.Values{}
	if q.State != "" {
		v.Set("state", q.State)
	}
	if q.Limit != 0 {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	path := "/admin/v1/facilitator/journal"
	if len(v) > 0 {
		path += "?" + v.Encode()
	}
	var out struct{ Items []facilitator.JournalEntry }
	if err := c.do(ctx, http.MethodGet, path, nil, &out); err != nil {
		return nil, err
	}
	if out.Items == nil {
		out.Items = []facilitator.JournalEntry{}
	}
	return out.Items, nil
}
