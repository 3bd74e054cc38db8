package chain_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/chain"
)

// BenchmarkERC3009Transfers measures ERC-3009 settlements per second through
// the JSON-RPC endpoint on a loopback port: each of `senders` relayers (a
// facilitator's signer each) submits transferWithAuthorization transactions
// one at a time, waiting for each to be mined, as an x402 facilitator does.
// Authorizations are signed before the timer starts.
func BenchmarkERC3009Transfers(b *testing.B) {
	for _, senders := range []int{1, 32, 128} {
		b.Run(fmt.Sprintf("senders=%d", senders), func(b *testing.B) { benchERC3009(b, senders) })
	}
}

func benchERC3009(b *testing.B, senders int) {
	c := newChain(b, chain.Options{})
	url := serve(b, c)
	ctx := context.Background()
	ec, err := ethclient.Dial(url)
	if err != nil {
		b.Fatal(err)
	}
	defer ec.Close()
	usdcABI, err := bindings.DevUSDCMetaData.GetAbi()
	if err != nil {
		b.Fatal(err)
	}
	relayers := make([]*ecdsa.PrivateKey, senders)
	for i := range relayers {
		if relayers[i], err = crypto.GenerateKey(); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Fund(ctx, crypto.PubkeyToAddress(relayers[i].PublicKey), "ETH", big.NewInt(1e18)); err != nil {
			b.Fatal(err)
		}
	}
	payer := chain.DevAccounts()[1]
	payee := common.HexToAddress("0x00000000000000000000000000000000000Beef1")
	head, err := ec.HeaderByNumber(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	validBefore := new(big.Int).SetUint64(head.Time + 24*3600)
	calls := make([][]byte, b.N)
	for i := range calls {
		calls[i] = authCall(b, usdcABI, c.ChainID(), payer, payee, validBefore, i)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, senders)
	signer := types.LatestSignerForChainID(c.ChainID())
	b.ReportAllocs()
	b.ResetTimer()
	for _, key := range relayers {
		wg.Add(1)
		go func(key *ecdsa.PrivateKey) {
			defer wg.Done()
			for nonce := uint64(0); ; nonce++ {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				to := contracts.DevUSDCAddress
				tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
					ChainID: c.ChainID(), Nonce: nonce, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11),
					Gas: 150_000, To: &to, Data: calls[i],
				})
				if err == nil {
					err = ec.SendTransaction(ctx, tx)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(key)
	}
	wg.Wait()
	b.StopTimer()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "transfers/s")
	got, err := tokenBalance(ctx, c, contracts.DevUSDCAddress, payee)
	if err != nil || got.Int64() != int64(b.N) {
		b.Fatalf("payee received %v (%v), want %d: some transfers failed", got, err, b.N)
	}
}

func authCall(b *testing.B, a *abi.ABI, chainID *big.Int, payer chain.DevAccount, to common.Address, validBefore *big.Int, i int) []byte {
	nonce := crypto.Keccak256Hash([]byte(fmt.Sprintf("bench-%d", i)))
	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": eip712Domain,
			"TransferWithAuthorization": {
				{Name: "from", Type: "address"}, {Name: "to", Type: "address"}, {Name: "value", Type: "uint256"},
				{Name: "validAfter", Type: "uint256"}, {Name: "validBefore", Type: "uint256"}, {Name: "nonce", Type: "bytes32"},
			},
		},
		PrimaryType: "TransferWithAuthorization",
		Domain:      tokenDomain("USDC", "2", chainID, contracts.DevUSDCAddress),
		Message: apitypes.TypedDataMessage{
			"from": payer.Address.Hex(), "to": to.Hex(), "value": "1", "validAfter": "0",
			"validBefore": validBefore.String(), "nonce": hexutil.Encode(nonce[:]),
		},
	}
	hash, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		b.Fatal(err)
	}
	sig, err := crypto.Sign(hash, payer.Key)
	if err != nil {
		b.Fatal(err)
	}
	sig[64] += 27
	data, err := a.Pack("transferWithAuthorization", payer.Address, to, big.NewInt(1), big.NewInt(0), validBefore, nonce, sig)
	if err != nil {
		b.Fatal(err)
	}
	return data
}
