package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/eth/gasestimator"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/holiman/uint256"
)

// Limits of eth_call and eth_estimateGas (go-ethereum's defaults).
const (
	callGasCap  = 50_000_000
	callTimeout = 5 * time.Second
)

// txArgs are the transaction fields of eth_call, eth_estimateGas and
// eth_sendTransaction.
type txArgs struct {
	From                 *common.Address              `json:"from"`
	To                   *common.Address              `json:"to"`
	Gas                  *hexutil.Uint64              `json:"gas"`
	GasPrice             *hexutil.Big                 `json:"gasPrice"`
	MaxFeePerGas         *hexutil.Big                 `json:"maxFeePerGas"`
	MaxPriorityFeePerGas *hexutil.Big                 `json:"maxPriorityFeePerGas"`
	Value                *hexutil.Big                 `json:"value"`
	Nonce                *hexutil.Uint64              `json:"nonce"`
	Data                 *hexutil.Bytes               `json:"data"`
	Input                *hexutil.Bytes               `json:"input"`
	AccessList           *types.AccessList            `json:"accessList"`
	AuthorizationList    []types.SetCodeAuthorization `json:"authorizationList"`
}

// data is the call data, from "input" or its older name "data".
func (a *txArgs) data() ([]byte, error) {
	switch {
	case a.Input != nil && a.Data != nil && string(*a.Input) != string(*a.Data):
		return nil, errors.New(`both "data" and "input" are set and not equal: please use "input" to pass transaction call data`)
	case a.Input != nil:
		return *a.Input, nil
	case a.Data != nil:
		return *a.Data, nil
	}
	return nil, nil
}

// message turns the arguments into what the EVM executes on top of a block
// with baseFee. Without fees the call is free (gas price 0); with them the
// legacy price or the 1559 caps apply as in a transaction. gas 0 leaves the
// limit to the caller (eth_estimateGas searches for it).
func (a *txArgs) message(baseFee *big.Int, gas uint64) (*core.Message, error) {
	if a.GasPrice != nil && (a.MaxFeePerGas != nil || a.MaxPriorityFeePerGas != nil) {
		return nil, errors.New("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")
	}
	data, err := a.data()
	if err != nil {
		return nil, err
	}
	u256 := func(b *hexutil.Big) (*uint256.Int, error) {
		if b == nil {
			return new(uint256.Int), nil
		}
		v, overflow := uint256.FromBig(b.ToInt())
		if overflow || b.ToInt().Sign() < 0 {
			return nil, fmt.Errorf("value %s out of range", b.String())
		}
		return v, nil
	}
	value, err := u256(a.Value)
	if err != nil {
		return nil, err
	}
	var price, feeCap, tip *uint256.Int
	if a.GasPrice != nil {
		if price, err = u256(a.GasPrice); err != nil {
			return nil, err
		}
		feeCap, tip = price, price
	} else {
		if feeCap, err = u256(a.MaxFeePerGas); err != nil {
			return nil, err
		}
		if tip, err = u256(a.MaxPriorityFeePerGas); err != nil {
			return nil, err
		}
		price = new(uint256.Int)
		if !feeCap.IsZero() || !tip.IsZero() {
			price.Add(tip, uint256.MustFromBig(baseFee))
			if price.Gt(feeCap) {
				price.Set(feeCap)
			}
		}
	}
	if a.Gas != nil {
		gas = min(uint64(*a.Gas), callGasCap)
	}
	msg := &core.Message{
		To: a.To, Value: value, GasLimit: gas, GasPrice: price, GasFeeCap: feeCap, GasTipCap: tip,
		Data: data, SetCodeAuthorizations: a.AuthorizationList,
	}
	if a.From != nil {
		msg.From = *a.From
	}
	if a.Nonce != nil {
		msg.Nonce = uint64(*a.Nonce)
	} else {
		msg.SkipNonceCheck()
	}
	if a.AccessList != nil {
		msg.AccessList = *a.AccessList
	}
	return msg.SkipEOACheck().SkipGasLimitCapCheck().SkipExecutionGasCapCheck(), nil
}

// revertError is how a reverted call is reported: JSON-RPC error code 3
// with the revert data, and the decoded reason in the message when the
// contract gave one, as go-ethereum does.
type revertError struct {
	msg    string
	reason string // hex revert data
}

func newRevertError(data []byte) *revertError {
	msg := vm.ErrExecutionReverted.Error()
	if reason, err := abi.UnpackRevert(data); err == nil {
		msg += ": " + reason
	}
	return &revertError{msg: msg, reason: hexutil.Encode(data)}
}

func (e *revertError) Error() string  { return e.msg }
func (e *revertError) ErrorCode() int { return 3 }
func (e *revertError) ErrorData() any { return e.reason }

// call runs args on the state of block bn without changing anything.
func (c *Chain) call(ctx context.Context, args txArgs, bn rpc.BlockNumberOrHash) ([]byte, error) {
	st, header, err := c.stateAt(bn)
	if err != nil {
		return nil, err
	}
	msg, err := args.message(header.BaseFee, callGasCap)
	if err != nil {
		return nil, err
	}
	blockCtx := core.NewEVMBlockContext(header, c.bc, nil)
	if msg.GasPrice.IsZero() {
		blockCtx.BaseFee = new(big.Int) // a free call must not fail the fee check
	}
	evm := vm.NewEVM(blockCtx, st, c.config, vm.Config{NoBaseFee: true})
	defer evm.Release()
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	go func() {
		<-ctx.Done()
		evm.Cancel()
	}()
	res, err := core.ApplyMessage(evm, msg, core.NewGasPool(callGasCap))
	if err := st.Error(); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("err: %w (supplied gas %d)", err, msg.GasLimit)
	}
	if evm.Cancelled() {
		return nil, fmt.Errorf("execution aborted (timeout = %s)", callTimeout)
	}
	if errors.Is(res.Err, vm.ErrExecutionReverted) {
		return nil, newRevertError(res.Revert())
	}
	return res.Return(), res.Err
}

// estimateGas finds the least gas args needs on the state of block bn.
func (c *Chain) estimateGas(ctx context.Context, args txArgs, bn rpc.BlockNumberOrHash) (hexutil.Uint64, error) {
	st, header, err := c.stateAt(bn)
	if err != nil {
		return 0, err
	}
	msg, err := args.message(header.BaseFee, 0)
	if err != nil {
		return 0, err
	}
	opts := &gasestimator.Options{Config: c.config, Chain: c.bc, Header: header, State: st, ErrorRatio: 0.015}
	gas, revert, err := gasestimator.Estimate(ctx, msg, opts, callGasCap)
	if err != nil {
		if len(revert) > 0 {
			return 0, newRevertError(revert)
		}
		return 0, err
	}
	return hexutil.Uint64(gas), nil
}
