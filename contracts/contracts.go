// Package contracts holds the Solidity contracts obol predeploys on its dev
// chain and talks to on real networks: their addresses, compiled artifacts
// (committed; regenerate with `make contracts`) and, in the bindings
// subpackage, abigen bindings.
//
// The addresses are those the contracts (or, for the tokens, their public
// counterparts on Base Sepolia) have on public chains, so one code path and
// one token registry serve the dev chain and real networks.
package contracts

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

//go:generate abigen --combined-json artifacts/combined.json --pkg bindings --out bindings/bindings.go

// Addresses of the contracts. The first three are the same on every chain
// (CREATE2 deployments); the two tokens are at their Base Sepolia addresses.
var (
	// Permit2Address is Uniswap's canonical Permit2.
	Permit2Address = common.HexToAddress("0x000000000022D473030F116dDEE9F6B43aC78BA3")
	// X402ExactPermit2ProxyAddress is the x402 `exact` scheme's Permit2 proxy.
	X402ExactPermit2ProxyAddress = common.HexToAddress("0x402085c248EeA27D92E8b30b2C58ed07f9E20001")
	// IdentityRegistryAddress is the ERC-8004 identity registry (Base Sepolia's).
	IdentityRegistryAddress = common.HexToAddress("0x8004A818BFB912233c491871b3d84c89A494BD9e")
	// DevUSDCAddress is USDC on Base Sepolia, where the dev chain puts its USDC-like token.
	DevUSDCAddress = common.HexToAddress("0x036CbD53842c5426634e7929541eC2318f3dCF7e")
	// DevOBOLAddress is OBOL on Base Sepolia, where the dev chain puts its OBOL-like token.
	DevOBOLAddress = common.HexToAddress("0x0a09371a8b011d5110656ceBCc70603e53FD2c78")
)

// Names of the compiled contracts, as accepted by Load.
const (
	DevUSDC               = "DevUSDC"
	DevOBOL               = "DevOBOL"
	Permit2               = "Permit2"
	X402ExactPermit2Proxy = "X402ExactPermit2Proxy"
	IdentityRegistry      = "IdentityRegistry"
	// DevSmartWallet is a minimal EIP-1271 wallet (one EOA owner) that
	// tests deploy; it is not in genesis.
	DevSmartWallet = "DevSmartWallet"
)

// X402WitnessTypeString is the witness type string the x402 proxy passes to
// Permit2's permitWitnessTransferFrom.
const X402WitnessTypeString = "Witness witness)TokenPermissions(address token,uint256 amount)Witness(address to,uint256 validAfter)"

//go:embed artifacts/*.json
var artifactFS embed.FS

// Artifact is one compiled contract.
type Artifact struct {
	Name string
	ABI  abi.ABI
	// Bytecode is the creation code (for deploying on another chain).
	Bytecode []byte
	// DeployedBytecode is the runtime code the dev chain places in genesis.
	DeployedBytecode []byte
}

// Load returns the compiled artifact of the named contract (one of the
// constants above). It parses the embedded JSON on every call, so callers on
// a hot path should keep the result.
func Load(name string) (*Artifact, error) {
	raw, err := artifactFS.ReadFile("artifacts/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("load artifact %q: unknown contract", name)
	}
	var doc struct {
		ABI              json.RawMessage `json:"abi"`
		Bytecode         string          `json:"bytecode"`
		DeployedBytecode string          `json:"deployedBytecode"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("decode artifact %q: %w", name, err)
	}
	a := &Artifact{Name: name}
	if a.ABI, err = abi.JSON(bytes.NewReader(doc.ABI)); err != nil {
		return nil, fmt.Errorf("parse ABI of %q: %w", name, err)
	}
	if a.Bytecode, err = hexutil.Decode(doc.Bytecode); err != nil {
		return nil, fmt.Errorf("decode bytecode of %q: %w", name, err)
	}
	if a.DeployedBytecode, err = hexutil.Decode(doc.DeployedBytecode); err != nil {
		return nil, fmt.Errorf("decode runtime code of %q: %w", name, err)
	}
	return a, nil
}

// Predeploy pairs a genesis address with the contract placed there.
type Predeploy struct {
	Address  common.Address
	Contract string
}

// Predeploys lists every contract the dev chain places in genesis.
func Predeploys() []Predeploy {
	return []Predeploy{
		{DevUSDCAddress, DevUSDC},
		{DevOBOLAddress, DevOBOL},
		{Permit2Address, Permit2},
		{X402ExactPermit2ProxyAddress, X402ExactPermit2Proxy},
		{IdentityRegistryAddress, IdentityRegistry},
	}
}
