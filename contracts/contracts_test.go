package contracts_test

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/contracts/bindings"
)

// TestBindingsMatchArtifacts catches a `node build.mjs` without the
// `go generate` that must follow it (or the reverse): the bindings and the
// artifacts the dev chain's genesis uses must be the same compilation.
func TestBindingsMatchArtifacts(t *testing.T) {
	bins := map[string]string{
		contracts.DevUSDC:               bindings.DevUSDCMetaData.Bin,
		contracts.DevOBOL:               bindings.DevOBOLMetaData.Bin,
		contracts.Permit2:               bindings.Permit2MetaData.Bin,
		contracts.X402ExactPermit2Proxy: bindings.X402ExactPermit2ProxyMetaData.Bin,
		contracts.IdentityRegistry:      bindings.IdentityRegistryMetaData.Bin,
	}
	seen := map[string]bool{}
	for _, p := range contracts.Predeploys() {
		a, err := contracts.Load(p.Contract)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.EqualFold(hexutil.Encode(a.Bytecode), bins[p.Contract]) {
			t.Errorf("%s: bindings and artifacts differ: run `make contracts`", p.Contract)
		}
		if len(a.DeployedBytecode) == 0 || len(a.DeployedBytecode) > 24576 {
			t.Errorf("%s: runtime code of %d bytes (EIP-170 limit 24576)", p.Contract, len(a.DeployedBytecode))
		}
		if seen[p.Address.Hex()] {
			t.Errorf("address %s used twice", p.Address.Hex())
		}
		seen[p.Address.Hex()] = true
	}
	// Deployed by tests, not placed in genesis.
	w, err := contracts.Load(contracts.DevSmartWallet)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.EqualFold(hexutil.Encode(w.Bytecode), bindings.DevSmartWalletMetaData.Bin) {
		t.Errorf("%s: bindings and artifacts differ: run `make contracts`", contracts.DevSmartWallet)
	}
	for _, p := range contracts.Predeploys() {
		if p.Contract == contracts.DevSmartWallet {
			t.Errorf("%s is a predeploy; it has a constructor and is meant to be deployed", p.Contract)
		}
	}
	if _, err := contracts.Load("Nope"); err == nil {
		t.Error("Load of an unknown contract succeeded")
	}
}
