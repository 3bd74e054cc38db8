package wallet

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// TransactOpts lets go-ethereum contract bindings send transactions signed
// by s, which never reveals its key.
func TransactOpts(ctx context.Context, s Signer, chainID *big.Int) *bind.TransactOpts {
	txSigner := types.LatestSignerForChainID(chainID)
	return &bind.TransactOpts{From: s.Address(), Context: ctx,
		Signer: func(addr common.Address, tx *types.Transaction) (*types.Transaction, error) {
			if addr != s.Address() {
				return nil, bind.ErrNotAuthorized
			}
			sig, err := s.SignHash(ctx, txSigner.Hash(tx))
			if err != nil {
				return nil, err
			}
			sig[64] -= 27 // wire form 27/28 → go-ethereum's recovery id 0/1
			return tx.WithSignature(txSigner, sig)
		}}
}
