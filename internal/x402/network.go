package x402

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Well-known contract addresses (the same on every chain: CREATE2 deployments).
var (
	Permit2Address      = common.HexToAddress("0x000000000022D473030F116dDEE9F6B43aC78BA3")
	ExactPermit2Proxy   = common.HexToAddress("0x402085c248EeA27D92E8b30b2C58ed07f9E20001")
	permit2DomainName   = "Permit2"
	maxUint256          = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	secp256k1HalfOrder  = new(big.Int).Rsh(mustBig("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"), 1)
	secp256k1HalfOrderB = secp256k1HalfOrder.FillBytes(make([]byte, 32))
)

func mustBig(s string) *big.Int {
	v, ok := new(big.Int).SetString(strings.TrimPrefix(s, "0x"), 16)
	if !ok {
		panic("bad constant " + s)
	}
	return v
}

// CAIP2 is a parsed CAIP-2 chain id such as eip155:84532.
type CAIP2 struct {
	Namespace string
	Reference string
}

// String renders the id as namespace:reference.
func (c CAIP2) String() string { return c.Namespace + ":" + c.Reference }

// ParseCAIP2 parses "namespace:reference" per CAIP-2 (namespace [-a-z0-9]{3,8},
// reference [-_a-zA-Z0-9]{1,32}).
func ParseCAIP2(s string) (CAIP2, error) {
	ns, ref, ok := strings.Cut(s, ":")
	if !ok {
		return CAIP2{}, fmt.Errorf("parse CAIP-2 %q: want namespace:reference", s)
	}
	if len(ns) < 3 || len(ns) > 8 || strings.Trim(ns, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return CAIP2{}, fmt.Errorf("parse CAIP-2 %q: bad namespace", s)
	}
	if len(ref) < 1 || len(ref) > 32 {
		return CAIP2{}, fmt.Errorf("parse CAIP-2 %q: bad reference length", s)
	}
	for _, r := range ref {
		if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return CAIP2{}, fmt.Errorf("parse CAIP-2 %q: bad reference", s)
		}
	}
	return CAIP2{Namespace: ns, Reference: ref}, nil
}

// EVMChainID returns the chain id of an eip155 CAIP-2 id.
func EVMChainID(caip2 string) (uint64, error) {
	c, err := ParseCAIP2(caip2)
	if err != nil {
		return 0, err
	}
	if c.Namespace != "eip155" {
		return 0, fmt.Errorf("network %s is not an EVM (eip155) chain", caip2)
	}
	id, err := strconv.ParseUint(c.Reference, 10, 64)
	if err != nil || id == 0 || (len(c.Reference) > 1 && c.Reference[0] == '0') {
		return 0, fmt.Errorf("network %s: chain id is not a positive decimal integer", caip2)
	}
	return id, nil
}

// Network is an EVM chain obol can pay or be paid on.
type Network struct {
	Name    string   // canonical short name, also the x402 v1 network name
	CAIP2   string   // eip155:<chain id>
	ChainID uint64   //
	Aliases []string // other names users may type
	RPCURL  string   // JSON-RPC endpoint; empty when not configured
	Testnet bool
}

// builtinNetworks is read-only: Registry copies it.
var builtinNetworks = [...]Network{
	{Name: "devnet", CAIP2: "eip155:1337", ChainID: 1337, Aliases: []string{"dev", "local", "localnet"}, RPCURL: "http://127.0.0.1:8545", Testnet: true},
	{Name: "base-sepolia", CAIP2: "eip155:84532", ChainID: 84532, Aliases: []string{"basesepolia"}, RPCURL: "https://sepolia.base.org", Testnet: true},
	{Name: "base", CAIP2: "eip155:8453", ChainID: 8453, Aliases: []string{"base-mainnet"}, RPCURL: "https://mainnet.base.org"},
	{Name: "ethereum", CAIP2: "eip155:1", ChainID: 1, Aliases: []string{"mainnet", "eth", "ethereum-mainnet"}},
}

// LookupNetwork finds a built-in network by name, alias or CAIP-2 id
// (case-insensitive). Use a Registry for configured RPC URLs.
func LookupNetwork(s string) (Network, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, n := range builtinNetworks {
		if n.matches(s) {
			return n.clone(), true
		}
	}
	return Network{}, false
}

func (n *Network) matches(lower string) bool {
	if lower == n.Name || lower == n.CAIP2 {
		return true
	}
	for _, a := range n.Aliases {
		if lower == a {
			return true
		}
	}
	return false
}

func (n Network) clone() Network {
	n.Aliases = append([]string(nil), n.Aliases...)
	return n
}

// Token is an ERC-20 obol prices in, with the EIP-712 domain its permits and
// authorizations are signed under (never the display name() of the contract
// when those differ: Base Sepolia USDC's domain name is "USDC").
type Token struct {
	Network        string // CAIP-2
	Symbol         string
	Address        common.Address
	Decimals       uint8
	EIP712Name     string
	EIP712Version  string
	TransferMethod string // eip3009 or permit2
	EIP2612        bool   // supports permit(), so Permit2 approval can be gas-sponsored
}

var (
	devUSDC  = common.HexToAddress("0x036CbD53842c5426634e7929541eC2318f3dCF7e")
	devOBOL  = common.HexToAddress("0x0a09371a8b011d5110656ceBCc70603e53FD2c78")
	mainOBOL = common.HexToAddress("0x0B010000b7624eb9B3DfBC279673C76E9D29D5F7")
)

// builtinTokens is read-only: Registry copies it. The dev chain deploys its
// tokens at the Base Sepolia addresses with the same domains on purpose.
var builtinTokens = [...]Token{
	{Network: "eip155:1337", Symbol: "USDC", Address: devUSDC, Decimals: 6, EIP712Name: "USDC", EIP712Version: "2", TransferMethod: TransferEIP3009, EIP2612: true},
	{Network: "eip155:1337", Symbol: "OBOL", Address: devOBOL, Decimals: 18, EIP712Name: "Obol Network", EIP712Version: "1", TransferMethod: TransferPermit2, EIP2612: true},
	{Network: "eip155:84532", Symbol: "USDC", Address: devUSDC, Decimals: 6, EIP712Name: "USDC", EIP712Version: "2", TransferMethod: TransferEIP3009, EIP2612: true},
	{Network: "eip155:84532", Symbol: "OBOL", Address: devOBOL, Decimals: 18, EIP712Name: "Obol Network", EIP712Version: "1", TransferMethod: TransferPermit2, EIP2612: true},
	{Network: "eip155:8453", Symbol: "USDC", Address: common.HexToAddress("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"), Decimals: 6, EIP712Name: "USD Coin", EIP712Version: "2", TransferMethod: TransferEIP3009, EIP2612: true},
	{Network: "eip155:1", Symbol: "USDC", Address: common.HexToAddress("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"), Decimals: 6, EIP712Name: "USD Coin", EIP712Version: "2", TransferMethod: TransferEIP3009, EIP2612: true},
	{Network: "eip155:1", Symbol: "OBOL", Address: mainOBOL, Decimals: 18, EIP712Name: "Obol Network", EIP712Version: "1", TransferMethod: TransferPermit2, EIP2612: true},
}

// RegistryOptions configure a Registry.
type RegistryOptions struct {
	// RPCURLs overrides the RPC URL per network (key: name, alias or CAIP-2).
	RPCURLs map[string]string
	// Networks and Tokens are added to (or replace, by CAIP-2 / network+address) the built-ins.
	Networks []Network
	Tokens   []Token
}

// Registry is an immutable set of networks and tokens.
type Registry struct {
	networks []Network
	tokens   []Token
}

// NewRegistry builds a registry from the built-ins plus opts.
func NewRegistry(opts RegistryOptions) (*Registry, error) {
	r := &Registry{}
	for _, n := range builtinNetworks {
		r.networks = append(r.networks, n.clone())
	}
	for _, n := range opts.Networks {
		id, err := EVMChainID(n.CAIP2)
		if err != nil {
			return nil, fmt.Errorf("add network %q: %w", n.Name, err)
		}
		if n.ChainID != 0 && n.ChainID != id {
			return nil, fmt.Errorf("add network %q: chain id %d does not match %s", n.Name, n.ChainID, n.CAIP2)
		}
		n.ChainID = id
		replaced := false
		for i := range r.networks {
			if r.networks[i].CAIP2 == n.CAIP2 {
				r.networks[i], replaced = n.clone(), true
			}
		}
		if !replaced {
			r.networks = append(r.networks, n.clone())
		}
	}
	for key, url := range opts.RPCURLs {
		n := r.find(key)
		if n == nil {
			return nil, fmt.Errorf("set RPC URL: unknown network %q", key)
		}
		n.RPCURL = url
	}
	r.tokens = append(r.tokens, builtinTokens[:]...)
	for _, t := range opts.Tokens {
		if r.find(t.Network) == nil {
			return nil, fmt.Errorf("add token %s: unknown network %q", t.Symbol, t.Network)
		}
		t.Network = r.find(t.Network).CAIP2
		replaced := false
		for i := range r.tokens {
			if r.tokens[i].Network == t.Network && r.tokens[i].Address == t.Address {
				r.tokens[i], replaced = t, true
			}
		}
		if !replaced {
			r.tokens = append(r.tokens, t)
		}
	}
	return r, nil
}

func (r *Registry) find(s string) *Network {
	lower := strings.ToLower(strings.TrimSpace(s))
	for i := range r.networks {
		if r.networks[i].matches(lower) {
			return &r.networks[i]
		}
	}
	return nil
}

// Network resolves a name, alias or CAIP-2 id.
func (r *Registry) Network(s string) (Network, error) {
	if n := r.find(s); n != nil {
		return n.clone(), nil
	}
	return Network{}, fmt.Errorf("unknown network %q: use one of %s or a CAIP-2 id added to the registry", s, strings.Join(r.names(), ", "))
}

// NetworkByChainID finds the network of a chain id.
func (r *Registry) NetworkByChainID(id uint64) (Network, bool) {
	for _, n := range r.networks {
		if n.ChainID == id {
			return n.clone(), true
		}
	}
	return Network{}, false
}

// Networks lists every network.
func (r *Registry) Networks() []Network {
	out := make([]Network, len(r.networks))
	for i, n := range r.networks {
		out[i] = n.clone()
	}
	return out
}

func (r *Registry) names() []string {
	out := make([]string, len(r.networks))
	for i, n := range r.networks {
		out[i] = n.Name
	}
	return out
}

// Token finds a token on a network by symbol (case-insensitive) or address.
func (r *Registry) Token(network, symbolOrAddress string) (Token, error) {
	n := r.find(network)
	if n == nil {
		return Token{}, fmt.Errorf("unknown network %q", network)
	}
	isAddr := common.IsHexAddress(symbolOrAddress)
	for _, t := range r.tokens {
		if t.Network != n.CAIP2 {
			continue
		}
		if isAddr && t.Address == common.HexToAddress(symbolOrAddress) || !isAddr && strings.EqualFold(t.Symbol, symbolOrAddress) {
			return t, nil
		}
	}
	return Token{}, fmt.Errorf("no token %q on %s", symbolOrAddress, n.Name)
}

// Tokens lists the tokens of a network (every token when network is "").
func (r *Registry) Tokens(network string) []Token {
	var caip string
	if network != "" {
		if n := r.find(network); n != nil {
			caip = n.CAIP2
		} else {
			return nil
		}
	}
	var out []Token
	for _, t := range r.tokens {
		if caip == "" || t.Network == caip {
			out = append(out, t)
		}
	}
	return out
}

// Requirements builds an exact-scheme PaymentRequirements for paying amount
// (atomic units) of t to payTo.
func (t Token) Requirements(amount *big.Int, payTo common.Address, maxTimeout int64) PaymentRequirements {
	return PaymentRequirements{
		Scheme: SchemeExact, Network: t.Network, Asset: t.Address.Hex(), Amount: amount.String(),
		PayTo: payTo.Hex(), MaxTimeoutSeconds: maxTimeout,
		Extra: map[string]any{"name": t.EIP712Name, "version": t.EIP712Version, "assetTransferMethod": t.TransferMethod},
	}
}
