package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

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
	tok, args, err := fundArgs(to, token, amount)
	if err != nil {
		return common.Hash{}, err
	}
	h, err := c.signAndSend(ctx, c.faucet, args)
	if err != nil {
		return h, fmt.Errorf("fund %s %s: %w", tok.Symbol, to.Hex(), err)
	}
	if err := checkReceipt(ctx, c.eth, tok, h); err != nil {
		return h, err
	}
	c.log.Info("funded", "to", to.Hex(), "token", tok.Symbol, "amount", amount.String(), "tx", h.Hex())
	return h, nil
}

// FundVia does what Fund does through the JSON-RPC client of a running obol
// dev chain (for `obol chain fund --rpc`). It signs with the dev chain's
// faucet key, so it works on obol dev chains only and says so elsewhere.
func FundVia(ctx context.Context, ec *ethclient.Client, to common.Address, token string, amount *big.Int) (common.Hash, error) {
	tok, args, err := fundArgs(to, token, amount)
	if err != nil {
		return common.Hash{}, err
	}
	key := faucetKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	bal, err := ec.BalanceAt(ctx, from, nil)
	if err != nil {
		return common.Hash{}, fmt.Errorf("fund %s: reach chain: %w", tok.Symbol, err)
	}
	if bal.Sign() == 0 {
		return common.Hash{}, fmt.Errorf("fund %s: this chain has no obol dev faucet (account %s is empty): fund works on `obol chain up` and the stack's dev chain only", tok.Symbol, from.Hex())
	}
	chainID, err := ec.ChainID(ctx)
	if err != nil {
		return common.Hash{}, fmt.Errorf("fund %s: read chain id: %w", tok.Symbol, err)
	}
	var data []byte
	if args.Data != nil {
		data = *args.Data
	}
	value := new(big.Int)
	if args.Value != nil {
		value = args.Value.ToInt()
	}
	gas, err := ec.EstimateGas(ctx, ethereum.CallMsg{From: from, To: args.To, Value: value, Data: data})
	if err != nil {
		return common.Hash{}, fmt.Errorf("fund %s: estimate gas: %w", tok.Symbol, err)
	}
	head, err := ec.HeaderByNumber(ctx, nil)
	if err != nil {
		return common.Hash{}, fmt.Errorf("fund %s: read head: %w", tok.Symbol, err)
	}
	nonce, err := ec.PendingNonceAt(ctx, from)
	if err != nil {
		return common.Hash{}, fmt.Errorf("fund %s: read faucet nonce: %w", tok.Symbol, err)
	}
	tip := big.NewInt(1e9)
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: args.To, Value: value, Data: data,
	})
	if err != nil {
		return common.Hash{}, fmt.Errorf("fund %s: sign: %w", tok.Symbol, err)
	}
	if err := ec.SendTransaction(ctx, tx); err != nil {
		return tx.Hash(), fmt.Errorf("fund %s: send: %w", tok.Symbol, err)
	}
	return tx.Hash(), checkReceipt(ctx, ec, tok, tx.Hash())
}

// fundArgs validates a fund request and builds its transaction.
func fundArgs(to common.Address, token string, amount *big.Int) (Token, txArgs, error) {
	tok, err := LookupToken(token)
	if err != nil {
		return Token{}, txArgs{}, err
	}
	if amount == nil || amount.Sign() <= 0 {
		return Token{}, txArgs{}, fmt.Errorf("fund %s: amount must be positive", tok.Symbol)
	}
	if to == (common.Address{}) {
		return Token{}, txArgs{}, fmt.Errorf("fund %s: refusing to send to the zero address", tok.Symbol)
	}
	args := txArgs{}
	if tok.Address == (common.Address{}) {
		args.To = &to
		args.Value = (*hexutil.Big)(amount)
		return tok, args, nil
	}
	data, err := mintCalldata(tok.Symbol, to, amount)
	if err != nil {
		return Token{}, txArgs{}, err
	}
	addr := tok.Address
	args.To = &addr
	args.Data = (*hexutil.Bytes)(&data)
	return tok, args, nil
}

// checkReceipt waits (briefly: the dev chain mines on arrival) for the
// receipt and checks that the transaction succeeded.
func checkReceipt(ctx context.Context, ec *ethclient.Client, tok Token, h common.Hash) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for {
		rcpt, err := ec.TransactionReceipt(ctx, h)
		if err == nil {
			if rcpt.Status != types.ReceiptStatusSuccessful {
				return fmt.Errorf("fund %s: transaction %s reverted", tok.Symbol, h.Hex())
			}
			return nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return fmt.Errorf("fund %s: receipt of %s: %w", tok.Symbol, h.Hex(), err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("fund %s: transaction %s not mined: %w", tok.Symbol, h.Hex(), ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
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
