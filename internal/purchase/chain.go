package purchase

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/internal/x402"
)

// ChainReader is the little chain state the buy side reads: balances and
// allowances before signing, and whether an authorization was used (the
// only truth about an auth whose outcome the buyer did not see).
type ChainReader interface {
	// BalanceOf is token.balanceOf(owner).
	BalanceOf(ctx context.Context, token, owner common.Address) (*big.Int, error)
	// Allowance is token.allowance(owner, spender).
	Allowance(ctx context.Context, token, owner, spender common.Address) (*big.Int, error)
	// PermitNonce is token.nonces(owner), the EIP-2612 permit nonce.
	PermitNonce(ctx context.Context, token, owner common.Address) (*big.Int, error)
	// AuthorizationState is token.authorizationState(authorizer, nonce) (ERC-3009).
	AuthorizationState(ctx context.Context, token, authorizer common.Address, nonce [32]byte) (bool, error)
	// NonceBitmap is Permit2.nonceBitmap(owner, wordPos).
	NonceBitmap(ctx context.Context, owner common.Address, wordPos *big.Int) (*big.Int, error)
}

// Permit2NonceUsed reads the bit of nonce in Permit2's unordered nonce
// bitmap: word nonce>>8, bit nonce&0xff.
func Permit2NonceUsed(ctx context.Context, c ChainReader, owner common.Address, nonce *big.Int) (bool, error) {
	if nonce == nil || nonce.Sign() < 0 {
		return false, fmt.Errorf("read Permit2 nonce: invalid nonce")
	}
	word := new(big.Int).Rsh(nonce, 8)
	bit := uint(new(big.Int).And(nonce, big.NewInt(0xff)).Uint64())
	bm, err := c.NonceBitmap(ctx, owner, word)
	if err != nil {
		return false, err
	}
	return bm.Bit(int(bit)) == 1, nil
}

const readerABI = `[
{"type":"function","name":"balanceOf","stateMutability":"view","inputs":[{"name":"a","type":"address"}],"outputs":[{"type":"uint256"}]},
{"type":"function","name":"allowance","stateMutability":"view","inputs":[{"name":"o","type":"address"},{"name":"s","type":"address"}],"outputs":[{"type":"uint256"}]},
{"type":"function","name":"nonces","stateMutability":"view","inputs":[{"name":"o","type":"address"}],"outputs":[{"type":"uint256"}]},
{"type":"function","name":"authorizationState","stateMutability":"view","inputs":[{"name":"a","type":"address"},{"name":"n","type":"bytes32"}],"outputs":[{"type":"bool"}]},
{"type":"function","name":"nonceBitmap","stateMutability":"view","inputs":[{"name":"o","type":"address"},{"name":"w","type":"uint256"}],"outputs":[{"type":"uint256"}]}
]`

// EthReader is a ChainReader over any go-ethereum ContractCaller: an
// ethclient for a real network or the dev chain's client.
type EthReader struct {
	caller  ethereum.ContractCaller
	abi     abi.ABI
	permit2 common.Address
}

// NewEthReader reads through caller; Permit2 is the canonical address.
func NewEthReader(caller ethereum.ContractCaller) (*EthReader, error) {
	if caller == nil {
		return nil, fmt.Errorf("new chain reader: caller is nil")
	}
	a, err := abi.JSON(strings.NewReader(readerABI))
	if err != nil {
		return nil, fmt.Errorf("new chain reader: %w", err)
	}
	return &EthReader{caller: caller, abi: a, permit2: x402.Permit2Address}, nil
}

func (r *EthReader) call(ctx context.Context, to common.Address, method string, args ...any) ([]any, error) {
	data, err := r.abi.Pack(method, args...)
	if err != nil {
		return nil, fmt.Errorf("pack %s: %w", method, err)
	}
	out, err := r.caller.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
	if err != nil {
		return nil, fmt.Errorf("call %s on %s: %w", method, to.Hex(), err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("call %s on %s: empty answer (no contract there?)", method, to.Hex())
	}
	vals, err := r.abi.Unpack(method, out)
	if err != nil {
		return nil, fmt.Errorf("unpack %s: %w", method, err)
	}
	return vals, nil
}

func (r *EthReader) uint(ctx context.Context, to common.Address, method string, args ...any) (*big.Int, error) {
	v, err := r.call(ctx, to, method, args...)
	if err != nil {
		return nil, err
	}
	n, ok := v[0].(*big.Int)
	if !ok {
		return nil, fmt.Errorf("call %s: unexpected result type %T", method, v[0])
	}
	return n, nil
}

// BalanceOf implements ChainReader.
func (r *EthReader) BalanceOf(ctx context.Context, token, owner common.Address) (*big.Int, error) {
	return r.uint(ctx, token, "balanceOf", owner)
}

// Allowance implements ChainReader.
func (r *EthReader) Allowance(ctx context.Context, token, owner, spender common.Address) (*big.Int, error) {
	return r.uint(ctx, token, "allowance", owner, spender)
}

// PermitNonce implements ChainReader.
func (r *EthReader) PermitNonce(ctx context.Context, token, owner common.Address) (*big.Int, error) {
	return r.uint(ctx, token, "nonces", owner)
}

// NonceBitmap implements ChainReader.
func (r *EthReader) NonceBitmap(ctx context.Context, owner common.Address, wordPos *big.Int) (*big.Int, error) {
	return r.uint(ctx, r.permit2, "nonceBitmap", owner, wordPos)
}

// AuthorizationState implements ChainReader.
func (r *EthReader) AuthorizationState(ctx context.Context, token, authorizer common.Address, nonce [32]byte) (bool, error) {
	v, err := r.call(ctx, token, "authorizationState", authorizer, nonce)
	if err != nil {
		return false, err
	}
	b, ok := v[0].(bool)
	if !ok {
		return false, fmt.Errorf("call authorizationState: unexpected result type %T", v[0])
	}
	return b, nil
}
