package chain

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/obol-dev/obol/contracts"
)

// Amounts every dev account starts with, in whole tokens.
const (
	DevETHPerAccount  = 10_000
	DevUSDCPerAccount = 1_000_000
	DevOBOLPerAccount = 1_000_000
	// faucetWholeETH pays the gas of Fund and the ETH it hands out.
	faucetWholeETH = 1_000_000_000
)

// units converts whole tokens to atomic units.
func units(whole int64, decimals int) *big.Int {
	return new(big.Int).Mul(big.NewInt(whole), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil))
}

// tokenInit is what a DevERC20Permit holds at genesis.
type tokenInit struct {
	name, symbol, version string
	decimals              uint8
	perAccount            *big.Int
}

// Storage slots of DevERC20Permit (contracts/src/DevToken.sol); the genesis
// test reads every value back through the contract to keep both in step.
const (
	slotName = iota
	slotSymbol
	slotVersion
	slotDecimals
	slotTotalSupply
	slotBalances
	slotAllowances
	slotNonces
	slotMinter
)

// genesis builds the dev chain's genesis: the dev accounts and the faucet
// funded, and the contracts' runtime code placed with their storage written
// directly (they have no constructors), so the chain is usable at block 0
// without any setup transaction.
func genesis(chainID, timestamp uint64) (*core.Genesis, error) {
	cfg := *params.AllDevChainProtocolChanges
	cfg.ChainID = new(big.Int).SetUint64(chainID)
	// Stop at Osaka, the fork public chains run: the unreleased forks the
	// dev config also enables reprice storage writes (an ERC-3009 transfer
	// costs ~3× more gas), which would make gas figures measured here wrong
	// for Base and Ethereum.
	cfg.AmsterdamTime, cfg.BogotaTime = nil, nil

	alloc := core.SystemContractAllocs()
	var holders []common.Address
	for _, a := range DevAccounts() {
		holders = append(holders, a.Address)
		alloc[a.Address] = types.Account{Balance: units(DevETHPerAccount, 18)}
	}
	faucet := crypto.PubkeyToAddress(faucetKey().PublicKey)
	alloc[faucet] = types.Account{Balance: units(faucetWholeETH, 18)}

	tokens := map[common.Address]tokenInit{
		contracts.DevUSDCAddress: {name: "USDC", symbol: "USDC", version: "2", decimals: 6, perAccount: units(DevUSDCPerAccount, 6)},
		contracts.DevOBOLAddress: {name: "Obol Network", symbol: "OBOL", version: "1", decimals: 18, perAccount: units(DevOBOLPerAccount, 18)},
	}
	for _, p := range contracts.Predeploys() {
		art, err := contracts.Load(p.Contract)
		if err != nil {
			return nil, fmt.Errorf("build genesis: %w", err)
		}
		acct := types.Account{Code: art.DeployedBytecode, Balance: new(big.Int), Nonce: 1}
		if t, ok := tokens[p.Address]; ok {
			acct.Storage = tokenStorage(t, holders, faucet)
		}
		alloc[p.Address] = acct
	}
	return &core.Genesis{
		Config:    &cfg,
		Timestamp: timestamp,
		GasLimit:  devGasLimit,
		BaseFee:   big.NewInt(params.InitialBaseFee),
		Alloc:     alloc,
	}, nil
}

func tokenStorage(t tokenInit, holders []common.Address, minter common.Address) map[common.Hash]common.Hash {
	s := map[common.Hash]common.Hash{
		slot(slotName):     shortString(t.name),
		slot(slotSymbol):   shortString(t.symbol),
		slot(slotVersion):  shortString(t.version),
		slot(slotDecimals): common.BigToHash(big.NewInt(int64(t.decimals))),
		slot(slotMinter):   common.BytesToHash(minter.Bytes()),
	}
	total := new(big.Int)
	for _, h := range holders {
		s[mappingSlot(h, slotBalances)] = common.BigToHash(t.perAccount)
		total.Add(total, t.perAccount)
	}
	s[slot(slotTotalSupply)] = common.BigToHash(total)
	return s
}

func slot(n int64) common.Hash { return common.BigToHash(big.NewInt(n)) }

// mappingSlot is where Solidity keeps m[key] for a mapping at slot n.
func mappingSlot(key common.Address, n int64) common.Hash {
	return crypto.Keccak256Hash(common.LeftPadBytes(key.Bytes(), 32), slot(n).Bytes())
}

// shortString encodes a string of at most 31 bytes the way Solidity stores
// it in a single slot: the bytes left-aligned, length*2 in the last byte.
func shortString(s string) common.Hash {
	if len(s) > 31 {
		panic(fmt.Sprintf("genesis string %q longer than 31 bytes", s)) // only fixed names reach here
	}
	var h common.Hash
	copy(h[:], s)
	h[31] = byte(len(s) * 2)
	return h
}
