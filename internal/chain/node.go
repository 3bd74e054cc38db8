package chain

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/ethereum/go-ethereum/consensus"
	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/history"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/ethdb"
	"github.com/ethereum/go-ethereum/ethdb/leveldb"
)

// dbDir is the chain database inside a persisted chain's data dir.
const dbDir = "chaindata"

// openDB opens the chain database: in memory for "", else a LevelDB in
// dir/chaindata. LevelDB hands every write to the OS before returning, so
// a killed process loses nothing; a power cut may lose the last blocks,
// which a dev chain accepts.
func openDB(dir string) (ethdb.Database, error) {
	if dir == "" {
		return rawdb.NewMemoryDatabase(), nil
	}
	kv, err := leveldb.New(filepath.Join(dir, dbDir), 16, 64, "", false)
	if errors.Is(err, syscall.EAGAIN) { // LevelDB's lock file is held
		return nil, fmt.Errorf("chain data dir %s is in use by another process (`obol chain up` or a stack): stop it or use another data dir", dir)
	}
	if err != nil {
		return nil, fmt.Errorf("open chain database in %s: %w", dir, err)
	}
	return rawdb.NewDatabase(kv), nil
}

// refuseOldLayout: obol's first chain kept its data in go-ethereum's node
// layout; reading such a dir as empty would silently start a new chain.
func refuseOldLayout(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "obol-chain")); err == nil {
		return fmt.Errorf("chain data dir %s holds a chain written by an older obol (%s): move it away or use another data dir",
			dir, filepath.Join(dir, "obol-chain"))
	}
	return nil
}

// newEngine is the consensus engine of a chain that is proof-of-stake from
// genesis: header rules only, no sealing work.
func newEngine() consensus.Engine { return beacon.New(ethash.NewFaker()) }

// blockChainConfig keeps every block's state (archive mode with the hash
// scheme writes it as the block is inserted, so calls at any past block
// work and a restart finds the head's state on disk) and indexes every
// transaction. A dev chain's state is a few kilobytes: the caches are
// small and there is no snapshot.
func blockChainConfig() *core.BlockChainConfig {
	return &core.BlockChainConfig{
		TrieCleanLimit: 16,
		TrieDirtyLimit: 16,
		StateScheme:    rawdb.HashScheme,
		ArchiveMode:    true,
		SnapshotLimit:  0,
		HistoryPolicy:  history.HistoryPolicy{Mode: history.KeepAll},
		TxLookupLimit:  0,
	}
}
