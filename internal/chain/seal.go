package chain

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/consensus/misc/eip1559"
)

// ErrClosed is returned by calls on a closed chain.
var ErrClosed = errors.New("dev chain is closed")

type sealKind int

const (
	sealTxs    sealKind = iota // mine the pool (automine after a transaction)
	sealMine                   // evm_mine: one block even if the pool is empty
	sealAdjust                 // evm_increaseTime: a block d later than its parent
	sealAt                     // evm_mine <ts>: a block stamped exactly at
)

type sealReq struct {
	kind   sealKind
	adjust time.Duration
	at     uint64 // sealAt's timestamp
	done   chan error
}

// maxBlocksPerSeal bounds how many blocks one seal round may produce while
// draining a pool larger than the block gas limit; the seal loop then
// answers the round and starts another, so nothing minable is left behind.
// A variable for tests.
var maxBlocksPerSeal = 64

// seal asks the block producer for a block and waits until it is on chain.
// Concurrent transaction seals are grouped: every transaction in the pool
// when a round starts goes into that round's block(s), so N concurrent
// senders cost one block, not N.
func (c *Chain) seal(ctx context.Context, kind sealKind, adjust time.Duration) error {
	return c.sealReq(ctx, sealReq{kind: kind, adjust: adjust, done: make(chan error, 1)})
}

func (c *Chain) sealReq(ctx context.Context, req sealReq) error {
	select {
	case c.sealReqs <- req:
	case <-c.quit:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-req.done:
		return err
	case <-c.quit:
		return ErrClosed
	}
}

// sealLoop is the only goroutine that produces blocks.
func (c *Chain) sealLoop() {
	defer close(c.loopDone)
	for {
		var batch []sealReq
		select {
		case <-c.quit:
			return
		case r := <-c.sealReqs:
			batch = append(batch, r)
		}
	drain:
		for {
			select {
			case r := <-c.sealReqs:
				batch = append(batch, r)
			default:
				break drain
			}
		}
		c.runBatch(batch)
		// A round stopped at maxBlocksPerSeal may leave minable
		// transactions whose senders have stopped waiting (they were
		// behind a nonce gap when sent): keep sealing until none is left.
		for c.minable() > 0 {
			select {
			case <-c.quit:
				return
			default:
			}
			if err := c.commit(0); err != nil {
				c.log.Warn("dev chain: sealing the rest of the pool failed", "err", err)
				break
			}
		}
	}
}

func (c *Chain) runBatch(batch []sealReq) {
	mines, txs := 0, 0
	for _, r := range batch {
		switch r.kind {
		case sealTxs:
			txs++
		case sealMine:
			mines++
		}
	}
	var err error
	if mines > 0 || txs > 0 {
		err = c.commit(mines)
	}
	for _, r := range batch {
		if r.kind == sealTxs || r.kind == sealMine {
			r.done <- err
		}
	}
	for _, r := range batch {
		if r.kind != sealAdjust && r.kind != sealAt {
			continue
		}
		aerr := c.commit(0) // the pool first, at the current time
		if aerr == nil && r.kind == sealAdjust {
			aerr = c.adjust(r.adjust)
		} else if aerr == nil {
			aerr = c.sealAtTime(r.at)
		}
		r.done <- aerr
	}
}

// commit seals at least minBlocks blocks and keeps sealing while executable
// transactions remain in the pool (a transaction waiting behind a nonce gap
// is not executable and mines nothing).
func (c *Chain) commit(minBlocks int) error {
	for i := 0; i < minBlocks+maxBlocksPerSeal; i++ {
		if i >= minBlocks && c.minable() == 0 {
			return nil
		}
		block, err := c.produce(context.Background(), c.takeStamp())
		if err != nil {
			return err
		}
		// Pending transactions the producer would not take (a fee cap
		// under the base fee, say) must not make every send seal a run of
		// empty blocks: stop once a block takes nothing.
		if i+1 >= minBlocks && len(block.Transactions()) == 0 {
			return nil
		}
	}
	return nil
}

// minable is how many senders have a pooled transaction the producer
// would take into the next block (executable on the head state, fee cap
// not under the next base fee). A transaction that cannot be taken yet
// must not make rounds seal empty blocks.
func (c *Chain) minable() int {
	head := c.bc.CurrentBlock()
	st, err := c.bc.StateAt(head.Root, head.Number, head.Time)
	if err != nil {
		return 0
	}
	return c.pool.minable(st, eip1559.CalcBaseFee(c.config, head))
}

// nextTime stamps a block with the wall clock, or one second after its
// parent when the clock is behind (after an evm_increaseTime, say), so
// the chain clock never goes back.
func (c *Chain) nextTime() uint64 {
	return max(uint64(time.Now().Unix()), c.bc.CurrentBlock().Time+1)
}

// takeStamp is the time of the block about to be sealed: the one
// evm_setNextBlockTimestamp asked for (used once), else nextTime.
func (c *Chain) takeStamp() uint64 {
	if ts := c.nextStamp.Swap(0); ts > c.bc.CurrentBlock().Time {
		return ts
	}
	return c.nextTime()
}

// adjust seals a block d after the head.
func (c *Chain) adjust(d time.Duration) error {
	head := c.bc.CurrentBlock()
	if _, err := c.produce(context.Background(), head.Time+uint64(d/time.Second)); err != nil {
		return fmt.Errorf("adjust time: %w", err)
	}
	return nil
}

// sealAtTime seals a block stamped ts, which must be after the head's
// time when the producer gets to it (a block sealed meanwhile may have
// taken it).
func (c *Chain) sealAtTime(ts uint64) error {
	if head := c.bc.CurrentBlock().Time; ts <= head {
		return fmt.Errorf("evm_mine: timestamp %d is not after the head block's %d", ts, head)
	}
	if _, err := c.produce(context.Background(), ts); err != nil {
		return fmt.Errorf("mine at %d: %w", ts, err)
	}
	return nil
}

// Mine seals one block now, with whatever transactions are pending.
func (c *Chain) Mine() error {
	return c.seal(context.Background(), sealMine, 0)
}

// IncreaseTime seals a block whose timestamp is its parent's plus d (whole
// seconds; d must be positive). Later blocks are stamped with the wall clock
// or one second after their parent, whichever is later, so the chain clock
// never goes back.
func (c *Chain) IncreaseTime(d time.Duration) error {
	if d < time.Second {
		return fmt.Errorf("increase time by %s: must be at least one second", d)
	}
	return c.seal(context.Background(), sealAdjust, d)
}
