package chain

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/obol-dev/obol/contracts"
)

// Token describes a token Fund can hand out.
type Token struct {
	Symbol   string
	Decimals int
	// Address is the token contract; zero for ETH.
	Address common.Address
}

// Tokens lists what Fund accepts, in display order.
func Tokens() []Token {
	return []Token{
		{Symbol: "ETH", Decimals: 18},
		{Symbol: "USDC", Decimals: 6, Address: contracts.DevUSDCAddress},
		{Symbol: "OBOL", Decimals: 18, Address: contracts.DevOBOLAddress},
	}
}

// LookupToken finds a token by symbol, case-insensitively.
func LookupToken(symbol string) (Token, error) {
	var names []string
	for _, t := range Tokens() {
		if strings.EqualFold(t.Symbol, symbol) {
			return t, nil
		}
		names = append(names, t.Symbol)
	}
	return Token{}, fmt.Errorf("unknown token %q: use one of %s", symbol, strings.Join(names, ", "))
}

// Fund gives amount (atomic units) of token ("ETH", "USDC" or "OBOL") to
// the address: ETH is sent from the chain's faucet account, tokens are
// minted by it. It returns once the transaction is mined and successful.
func (c *Chain) Fund(ctx context.Context, to common.Address, token string, amount *big.Int) (common.Hash, error) {
	tok, err := LookupToken(token)
	if err != nil {
		return common.Hash{}, err
	}
	if amount == nil || amount.Sign() <= 0 {
		return common.Hash{}, fmt.Errorf("fund %s: amount must be positive", tok.Symbol)
	}
	if to == (common.Address{}) {
		return common.Hash{}, fmt.Errorf("fund %s: refusing to send to the zero address", tok.Symbol)
	}
	args := sendTxArgs{}
	if tok.Address == (common.Address{}) {
		args.To = &to
		args.Value = (*hexutil.Big)(amount)
	} else {
		data, err := mintCalldata(tok.Symbol, to, amount)
		if err != nil {
			return common.Hash{}, err
		}
		args.To = &tok.Address
		args.Data = (*hexutil.Bytes)(&data)
	}
	h, err := c.signAndSend(ctx, c.inner, c.faucet, args)
	if err != nil {
		return h, fmt.Errorf("fund %s %s: %w", tok.Symbol, to.Hex(), err)
	}
	rcpt, err := c.eth.TransactionReceipt(ctx, h)
	if err != nil {
		return h, fmt.Errorf("fund %s: receipt of %s: %w", tok.Symbol, h.Hex(), err)
	}
	if rcpt.Status != types.ReceiptStatusSuccessful {
		return h, fmt.Errorf("fund %s: transaction %s reverted", tok.Symbol, h.Hex())
	}
	c.log.Info("funded", "to", to.Hex(), "token", tok.Symbol, "amount", amount.String(), "tx", h.Hex())
	return h, nil
}

func mintCalldata(symbol string, to common.Address, amount *big.Int) ([]byte, error) {
	name := contracts.DevUSDC
	if symbol == "OBOL" {
		name = contracts.DevOBOL
	}
	art, err := contracts.Load(name)
	if err != nil {
		return nil, err
	}
	data, err := art.ABI.Pack("mint", to, amount)
	if err != nil {
		return nil, fmt.Errorf("encode mint: %w", err)
	}
	return data, nil
}
