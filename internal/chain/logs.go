package chain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Log query limits: as many addresses and topic positions as go-ethereum
// takes, and a cap on the answer so one query cannot exhaust memory.
const (
	maxFilterAddresses = 1000
	maxFilterTopics    = 4
	maxLogResults      = 10_000
	// filterTimeout removes a filter nobody polled for this long.
	filterTimeout = 5 * time.Minute
)

// logQuery is eth_getLogs' and eth_newFilter's criteria.
type logQuery struct {
	BlockHash *common.Hash
	From, To  *rpc.BlockNumber
	Addresses []common.Address
	Topics    [][]common.Hash // per position: any of these; empty = any
}

// UnmarshalJSON reads the criteria: "address" is one address or a list,
// each "topics" entry is null, a topic, or a list of alternatives.
func (q *logQuery) UnmarshalJSON(b []byte) error {
	var raw struct {
		BlockHash *common.Hash      `json:"blockHash"`
		FromBlock *rpc.BlockNumber  `json:"fromBlock"`
		ToBlock   *rpc.BlockNumber  `json:"toBlock"`
		Address   json.RawMessage   `json:"address"`
		Topics    []json.RawMessage `json:"topics"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw.BlockHash != nil && (raw.FromBlock != nil || raw.ToBlock != nil) {
		return errors.New("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other")
	}
	*q = logQuery{BlockHash: raw.BlockHash, From: raw.FromBlock, To: raw.ToBlock}
	if len(raw.Address) > 0 && string(raw.Address) != "null" {
		if err := oneOrMany(raw.Address, &q.Addresses); err != nil {
			return fmt.Errorf("invalid address: %w", err)
		}
	}
	if len(q.Addresses) > maxFilterAddresses {
		return fmt.Errorf("too many addresses: %d, at most %d", len(q.Addresses), maxFilterAddresses)
	}
	if len(raw.Topics) > maxFilterTopics {
		return fmt.Errorf("too many topics: %d positions, at most %d", len(raw.Topics), maxFilterTopics)
	}
	for i, t := range raw.Topics {
		var alts []common.Hash
		if len(t) > 0 && string(t) != "null" {
			var withNulls []*common.Hash
			if err := oneOrMany(t, &withNulls); err != nil {
				return fmt.Errorf("invalid topic %d: %w", i, err)
			}
			for _, h := range withNulls {
				if h == nil { // a null alternative matches anything
					alts = nil
					break
				}
				alts = append(alts, *h)
			}
		}
		q.Topics = append(q.Topics, alts)
	}
	return nil
}

// oneOrMany decodes a JSON value that is either one T or a list of them.
func oneOrMany[T any](b json.RawMessage, out *[]T) error {
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, out)
	}
	var one T
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*out = []T{one}
	return nil
}

// matches reports whether a log meets the criteria.
func (q *logQuery) matches(l *types.Log) bool {
	if len(q.Addresses) > 0 && !containsAddr(q.Addresses, l.Address) {
		return false
	}
	if len(q.Topics) > len(l.Topics) {
		return false
	}
	for i, alts := range q.Topics {
		if len(alts) > 0 && !containsHash(alts, l.Topics[i]) {
			return false
		}
	}
	return true
}

// mayMatch checks a block's bloom filter, so that blocks without a
// matching log are skipped without reading their receipts.
func (q *logQuery) mayMatch(bloom types.Bloom) bool {
	if len(q.Addresses) > 0 {
		found := false
		for _, a := range q.Addresses {
			if types.BloomLookup(bloom, a) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, alts := range q.Topics {
		if len(alts) == 0 {
			continue
		}
		found := false
		for _, t := range alts {
			if types.BloomLookup(bloom, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func containsAddr(list []common.Address, a common.Address) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

func containsHash(list []common.Hash, h common.Hash) bool {
	for _, x := range list {
		if x == h {
			return true
		}
	}
	return false
}

// logs returns the logs of blocks from..to (inclusive) that match q.
func (c *Chain) logs(ctx context.Context, q *logQuery, from, to uint64) ([]*types.Log, error) {
	out := []*types.Log{}
	for n := from; n <= to; n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		h := c.bc.GetHeaderByNumber(n)
		if h == nil {
			break
		}
		out = append(out, c.blockLogs(q, h)...)
		if len(out) > maxLogResults {
			return nil, fmt.Errorf("query returned more than %d results: narrow the block range or the criteria", maxLogResults)
		}
	}
	return out, nil
}

// blockLogs returns the logs of one block that match q.
func (c *Chain) blockLogs(q *logQuery, h *types.Header) []*types.Log {
	if !q.mayMatch(h.Bloom) {
		return nil
	}
	var out []*types.Log
	for _, r := range c.bc.GetReceiptsByHash(h.Hash()) {
		for _, l := range r.Logs {
			if q.matches(l) {
				out = append(out, l)
			}
		}
	}
	return out
}

// resolveRange turns the query's block tags into numbers; a missing end
// is the head.
func (c *Chain) resolveRange(q *logQuery) (uint64, uint64, error) {
	if isPending(q.From) || isPending(q.To) {
		return 0, 0, errPendingLogs
	}
	head := c.bc.CurrentBlock().Number.Uint64()
	resolve := func(bn *rpc.BlockNumber) uint64 {
		switch {
		case bn == nil:
			return head
		case *bn == rpc.EarliestBlockNumber:
			return 0
		case *bn < 0:
			return head
		}
		return uint64(*bn)
	}
	from, to := resolve(q.From), resolve(q.To)
	switch {
	case from > to:
		return 0, 0, errInvalidBlockRange
	case to > head:
		return 0, 0, errRangeIntoFuture
	}
	return from, to, nil
}

// invalidParams errors are answered with JSON-RPC code -32602, as
// go-ethereum answers a bad log range.
type invalidParams struct{ msg string }

func (e invalidParams) Error() string  { return e.msg }
func (e invalidParams) ErrorCode() int { return -32602 }

func isPending(bn *rpc.BlockNumber) bool { return bn != nil && *bn == rpc.PendingBlockNumber }

var (
	// errPendingLogs: every send is mined at once, there are no pending
	// logs; go-ethereum refuses the tag in log queries with this error.
	errPendingLogs       = invalidParams{"pending logs are not supported"}
	errInvalidBlockRange = invalidParams{"invalid block range params"}
	errRangeIntoFuture   = invalidParams{"block range extends beyond current head block"}
)

// GetLogs returns the logs that match the criteria.
func (a *ethAPI) GetLogs(ctx context.Context, q logQuery) ([]*types.Log, error) {
	if q.BlockHash != nil {
		h := a.c.bc.GetHeaderByHash(*q.BlockHash)
		if h == nil {
			return nil, errors.New("unknown block")
		}
		found := a.c.blockLogs(&q, h)
		if found == nil {
			found = []*types.Log{}
		}
		return found, nil
	}
	from, to, err := a.c.resolveRange(&q)
	if err != nil {
		return nil, err
	}
	return a.c.logs(ctx, &q, from, to)
}

// filterSet holds the polling filters of eth_newFilter and
// eth_newBlockFilter. A filter remembers the last block it reported.
type filterSet struct {
	c  *Chain
	mu sync.Mutex
	m  map[rpc.ID]*filter
}

type filter struct {
	logs     *logQuery // nil for a block filter
	last     uint64    // the last block reported
	deadline time.Time
}

func newFilterSet(c *Chain) *filterSet { return &filterSet{c: c, m: map[rpc.ID]*filter{}} }

func (s *filterSet) add(q *logQuery) rpc.ID {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire()
	id := rpc.NewID()
	s.m[id] = &filter{logs: q, last: s.c.bc.CurrentBlock().Number.Uint64(), deadline: time.Now().Add(filterTimeout)}
	return id
}

// expire drops filters nobody polled in filterTimeout; mu held.
func (s *filterSet) expire() {
	now := time.Now()
	for id, f := range s.m {
		if now.After(f.deadline) {
			delete(s.m, id)
		}
	}
}

var errFilterNotFound = errors.New("filter not found")

// take returns the filter and the blocks it has not reported yet, and
// marks them reported.
func (s *filterSet) take(id rpc.ID) (*filter, uint64, uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire()
	f, ok := s.m[id]
	if !ok {
		return nil, 0, 0, errFilterNotFound
	}
	head := s.c.bc.CurrentBlock().Number.Uint64()
	from := f.last + 1
	f.last, f.deadline = head, time.Now().Add(filterTimeout)
	return f, from, head, nil
}

// NewFilter makes a log filter; eth_getFilterChanges then returns the
// matching logs of blocks sealed since the last poll.
func (a *ethAPI) NewFilter(q logQuery) (rpc.ID, error) {
	if q.BlockHash != nil {
		return "", errors.New("a filter cannot be bound to one block hash: use eth_getLogs")
	}
	if isPending(q.From) || isPending(q.To) {
		return "", errPendingLogs
	}
	return a.c.filters.add(&q), nil
}

// NewBlockFilter makes a filter whose changes are new block hashes.
func (a *ethAPI) NewBlockFilter() rpc.ID { return a.c.filters.add(nil) }

// GetFilterChanges returns what happened since the filter's last poll:
// block hashes for a block filter, logs for a log filter.
func (a *ethAPI) GetFilterChanges(ctx context.Context, id rpc.ID) (any, error) {
	f, from, to, err := a.c.filters.take(id)
	if err != nil {
		return nil, err
	}
	if f.logs == nil {
		hashes := []common.Hash{}
		for n := from; n <= to; n++ {
			hashes = append(hashes, a.c.bc.GetCanonicalHash(n))
		}
		return hashes, nil
	}
	// A numeric fromBlock/toBlock bounds what the filter reports, as in
	// go-ethereum; tags ("latest", …) leave that end open.
	if q := f.logs; q.From != nil && *q.From >= 0 {
		from = max(from, uint64(*q.From))
	}
	if q := f.logs; q.To != nil && *q.To >= 0 {
		to = min(to, uint64(*q.To))
	}
	if from > to {
		return []*types.Log{}, nil
	}
	return a.c.logs(ctx, f.logs, from, to)
}

// criteria returns a log filter's query.
func (s *filterSet) criteria(id rpc.ID) (*logQuery, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.m[id]
	if !ok || f.logs == nil {
		return nil, false
	}
	return f.logs, true
}

// remove drops a filter, reporting whether there was one.
func (s *filterSet) remove(id rpc.ID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.m[id]
	delete(s.m, id)
	return ok
}

// GetFilterLogs returns every log matching a log filter's criteria.
func (a *ethAPI) GetFilterLogs(ctx context.Context, id rpc.ID) ([]*types.Log, error) {
	q, ok := a.c.filters.criteria(id)
	if !ok {
		return nil, errFilterNotFound
	}
	return a.GetLogs(ctx, *q)
}

// UninstallFilter removes a filter; false when there was none.
func (a *ethAPI) UninstallFilter(id rpc.ID) bool { return a.c.filters.remove(id) }
