package x402

import (
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// EIP-712 hashing by hand: the type hashes are computed once and the message
// words are laid into a fixed buffer, which is an order of magnitude cheaper
// than a generic typed-data encoder. The tests check every digest against
// the official client's and go-ethereum's apitypes.

// Type strings of the structs obol signs and verifies.
const (
	TypeEIP712Domain          = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
	TypeEIP712DomainNoVersion = "EIP712Domain(string name,uint256 chainId,address verifyingContract)"
	TypeTransferWithAuth      = "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
	TypeTokenPermissions      = "TokenPermissions(address token,uint256 amount)"
	TypeWitness               = "Witness(address to,uint256 validAfter)"
	TypePermitWitnessTransfer = "PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,Witness witness)" + TypeTokenPermissions + TypeWitness
	TypeEIP2612Permit         = "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
	// Permit2WitnessTypeString is the witnessTypeString the x402 Permit2 proxy passes to Permit2.
	Permit2WitnessTypeString = "Witness witness)" + TypeTokenPermissions + TypeWitness
)

var (
	hashDomain          = crypto.Keccak256Hash([]byte(TypeEIP712Domain))
	hashDomainNoVersion = crypto.Keccak256Hash([]byte(TypeEIP712DomainNoVersion))
	hashTransferAuth    = crypto.Keccak256Hash([]byte(TypeTransferWithAuth))
	hashTokenPerms      = crypto.Keccak256Hash([]byte(TypeTokenPermissions))
	hashWitness         = crypto.Keccak256Hash([]byte(TypeWitness))
	hashPermitWitness   = crypto.Keccak256Hash([]byte(TypePermitWitnessTransfer))
	hashPermit2612      = crypto.Keccak256Hash([]byte(TypeEIP2612Permit))
)

// Domain is an EIP-712 domain. An empty Version means the domain has no
// version field (Permit2's).
type Domain struct {
	Name              string
	Version           string
	ChainID           uint64
	VerifyingContract common.Address
}

// Separator computes the domain separator.
func (d Domain) Separator() common.Hash {
	var buf [5 * 32]byte
	n := 0
	put := func(w []byte) { copy(buf[n+32-len(w):n+32], w); n += 32 }
	if d.Version == "" {
		put(hashDomainNoVersion[:])
		put(crypto.Keccak256([]byte(d.Name)))
	} else {
		put(hashDomain[:])
		put(crypto.Keccak256([]byte(d.Name)))
		put(crypto.Keccak256([]byte(d.Version)))
	}
	put(new(big.Int).SetUint64(d.ChainID).Bytes())
	put(d.VerifyingContract[:])
	return crypto.Keccak256Hash(buf[:n])
}

// DomainCache memoizes domain separators: a verifier sees a handful of
// domains and millions of messages.
type DomainCache struct{ m sync.Map }

// Separator returns d's separator, computing it on first use.
func (c *DomainCache) Separator(d Domain) common.Hash {
	if v, ok := c.m.Load(d); ok {
		return v.(common.Hash)
	}
	h := d.Separator()
	c.m.Store(d, h)
	return h
}

// Permit2Domain is Permit2's domain on a chain.
func Permit2Domain(chainID uint64) Domain {
	return Domain{Name: permit2DomainName, ChainID: chainID, VerifyingContract: Permit2Address}
}

// typedDigest is keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash).
func typedDigest(sep, structHash common.Hash) common.Hash {
	var buf [66]byte
	buf[0], buf[1] = 0x19, 0x01
	copy(buf[2:], sep[:])
	copy(buf[34:], structHash[:])
	return crypto.Keccak256Hash(buf[:])
}

// word writes a uint256 (nil is zero) right-aligned into a 32-byte slot.
func word(dst []byte, v *big.Int) {
	if v != nil {
		v.FillBytes(dst[:32])
	}
}

// ERC3009Message is a parsed TransferWithAuthorization.
type ERC3009Message struct {
	From, To                       common.Address
	Value, ValidAfter, ValidBefore *big.Int
	Nonce                          common.Hash
}

// Digest is the EIP-712 digest of m under the domain separator sep.
func (m *ERC3009Message) Digest(sep common.Hash) common.Hash {
	var buf [7 * 32]byte
	copy(buf[0:32], hashTransferAuth[:])
	copy(buf[32+12:64], m.From[:])
	copy(buf[64+12:96], m.To[:])
	word(buf[96:], m.Value)
	word(buf[128:], m.ValidAfter)
	word(buf[160:], m.ValidBefore)
	copy(buf[192:224], m.Nonce[:])
	return typedDigest(sep, crypto.Keccak256Hash(buf[:]))
}

// Permit2Message is a parsed PermitWitnessTransferFrom with the x402 witness.
type Permit2Message struct {
	Owner            common.Address // signer ("from"); not part of the struct hash
	Token            common.Address
	Amount           *big.Int
	Spender          common.Address
	Nonce, Deadline  *big.Int
	WitnessTo        common.Address
	WitnessValidFrom *big.Int
}

// WitnessHash is hashStruct(Witness).
func (m *Permit2Message) WitnessHash() common.Hash {
	var w [3 * 32]byte
	copy(w[0:32], hashWitness[:])
	copy(w[32+12:64], m.WitnessTo[:])
	word(w[64:], m.WitnessValidFrom)
	return crypto.Keccak256Hash(w[:])
}

// Digest is the EIP-712 digest of m under Permit2's domain separator sep.
func (m *Permit2Message) Digest(sep common.Hash) common.Hash {
	var tp [3 * 32]byte
	copy(tp[0:32], hashTokenPerms[:])
	copy(tp[32+12:64], m.Token[:])
	word(tp[64:], m.Amount)
	tpHash := crypto.Keccak256Hash(tp[:])
	wHash := m.WitnessHash()
	var buf [6 * 32]byte
	copy(buf[0:32], hashPermitWitness[:])
	copy(buf[32:64], tpHash[:])
	copy(buf[64+12:96], m.Spender[:])
	word(buf[96:], m.Nonce)
	word(buf[128:], m.Deadline)
	copy(buf[160:192], wHash[:])
	return typedDigest(sep, crypto.Keccak256Hash(buf[:]))
}

// EIP2612Message is an ERC-20 Permit.
type EIP2612Message struct {
	Owner, Spender         common.Address
	Value, Nonce, Deadline *big.Int
}

// Digest is the EIP-712 digest of m under the token's domain separator sep.
func (m *EIP2612Message) Digest(sep common.Hash) common.Hash {
	var buf [6 * 32]byte
	copy(buf[0:32], hashPermit2612[:])
	copy(buf[32+12:64], m.Owner[:])
	copy(buf[64+12:96], m.Spender[:])
	word(buf[96:], m.Value)
	word(buf[128:], m.Nonce)
	word(buf[160:], m.Deadline)
	return typedDigest(sep, crypto.Keccak256Hash(buf[:]))
}
