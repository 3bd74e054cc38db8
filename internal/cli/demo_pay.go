package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/stack"
)

var transferTopic = crypto.Keccak256Hash([]byte("Transfer(address,address,uint256)"))

// pay makes one paid chat completion through Bob's gateway and checks the
// settlement on chain: the Transfer log and both balances.
func (d *demo) pay(ctx context.Context, offerURL, price string, pr *v1alpha1.PurchaseRequest) (*demoResult, error) {
	ec := d.chain.EthClient()
	reader, err := purchase.NewEthReader(ec)
	if err != nil {
		return nil, err
	}
	token, seller := common.HexToAddress(pr.Spec.Payment.Asset), common.HexToAddress(pr.Spec.Payment.PayTo)
	buyer := common.HexToAddress(firstPayer(pr))
	startBlock, err := ec.BlockNumber(ctx)
	if err != nil {
		return nil, err
	}
	sellerBefore, err := reader.BalanceOf(ctx, token, seller)
	if err != nil {
		return nil, err
	}
	buyerBefore, err := reader.BalanceOf(ctx, token, buyer)
	if err != nil {
		return nil, err
	}
	answer, err := d.chat(ctx, pr.PublicModel())
	if err != nil {
		return nil, err
	}
	d.say("paid chat completion through Bob's gateway (%s): %q", pr.PublicModel(), answer)
	tx, err := findTransfer(ctx, ec, token, buyer, seller, startBlock)
	if err != nil {
		return nil, err
	}
	sellerAfter, _ := reader.BalanceOf(ctx, token, seller)
	buyerAfter, _ := reader.BalanceOf(ctx, token, buyer)
	res := &demoResult{SellerOfferURL: offerURL, Model: d.modelName(), Token: d.o.token, PriceAtomic: price, TxHash: tx.Hex(),
		SellerDelta: new(big.Int).Sub(sellerAfter, sellerBefore).String(), BuyerDelta: new(big.Int).Sub(buyerAfter, buyerBefore).String(),
		RemainingBefore: int(pr.Status.Remaining), Answer: answer}
	res.RemainingAfter = d.remaining(ctx, pr)
	res.OK = res.SellerDelta == price && res.BuyerDelta == "-"+price
	res.ElapsedMS = time.Since(d.started).Milliseconds()
	d.say("settled on chain in tx %s: Alice %s, Bob %s (price %s)", res.TxHash, signed(res.SellerDelta), res.BuyerDelta, price)
	return res, nil
}

func firstPayer(pr *v1alpha1.PurchaseRequest) string {
	for _, a := range pr.Spec.PreSignedAuths {
		if pa, err := purchase.ParseAuth(a); err == nil {
			return pa.Payer.Hex()
		}
	}
	return ""
}

func signed(s string) string {
	if strings.HasPrefix(s, "-") {
		return s
	}
	return "+" + s
}

// chat asks Bob's gateway, as any OpenAI client would.
func (d *demo) chat(ctx context.Context, model string) (string, error) {
	key, err := stack.ReadMasterKey(d.bob.DataDir())
	if err != nil {
		return "", err
	}
	body, _ := json.Marshal(map[string]any{"model": model, "messages": []map[string]string{{"role": "user", "content": "Hello from Bob"}}})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, d.bob.URL("local")+"/v1/chat/completions", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
	if err != nil {
		return "", fmt.Errorf("paid chat completion: %w", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("paid chat completion: HTTP %d: %s", resp.StatusCode, strings.TrimSpace(string(raw)))
	}
	var out struct {
		Choices []struct{ Message struct{ Content string } }
	}
	if err := json.Unmarshal(raw, &out); err != nil || len(out.Choices) == 0 {
		return "", fmt.Errorf("paid chat completion: not a chat completion: %s", raw)
	}
	return out.Choices[0].Message.Content, nil
}

// findTransfer finds the token Transfer from buyer to seller mined since
// block from, in a successful receipt.
func findTransfer(ctx context.Context, ec interface {
	ethereum.LogFilterer
	ethereum.TransactionReader
}, token, buyer, seller common.Address, from uint64) (common.Hash, error) {
	logs, err := ec.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{token},
		Topics: [][]common.Hash{{transferTopic}, {common.BytesToHash(buyer.Bytes())}, {common.BytesToHash(seller.Bytes())}}})
	if err != nil {
		return common.Hash{}, fmt.Errorf("read Transfer logs: %w", err)
	}
	for _, l := range logs {
		if rc, err := ec.TransactionReceipt(ctx, l.TxHash); err == nil && rc.Status == 1 {
			return l.TxHash, nil
		}
	}
	return common.Hash{}, fmt.Errorf("no Transfer from %s to %s since block %d: the payment was not settled", buyer.Hex(), seller.Hex(), from)
}

// remaining asks Bob's buyer proxy for the pool's live count.
func (d *demo) remaining(ctx context.Context, pr *v1alpha1.PurchaseRequest) int {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, d.bob.URL("buyer")+"/status", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	var st map[string]purchase.PoolStatus
	if json.NewDecoder(resp.Body).Decode(&st) != nil {
		return -1
	}
	if p, ok := st[pr.Namespace+"/"+pr.Name]; ok {
		return p.Remaining
	}
	return -1
}

func (d *demo) summary(r *demoResult) string {
	verdict := "OK: both balances moved by exactly the price"
	if !r.OK {
		verdict = "FAILED: the balances did not move by exactly the price"
	}
	return fmt.Sprintf(`
%s
  offer      %s (%s)
  price      %s atomic units of %s
  settlement %s
  Alice      %s   Bob %s
  Bob's pool %d → %d remaining
  elapsed    %d ms`, verdict, r.SellerOfferURL, r.Model, r.PriceAtomic, r.Token, r.TxHash, signed(r.SellerDelta), r.BuyerDelta,
		r.RemainingBefore, r.RemainingAfter, r.ElapsedMS)
}

// printKept tells where the kept stacks are, on stderr even with -o json
// (stdout holds the result document).
func (d *demo) printKept() {
	fmt.Fprintf(d.g.Stderr, "\n--keep: everything stays up until Ctrl-C (data in %s)\n", d.dir)
	for _, s := range []struct {
		who string
		st  *stack.Stack
	}{{"alice", d.alice}, {"bob", d.bob}} {
		fmt.Fprintf(d.g.Stderr, "  %s: public %s  local %s  buyer %s\n", s.who, s.st.URL("public"), s.st.URL("local"), s.st.URL("buyer"))
	}
}

// close stops everything the demo started and removes its data.
func (d *demo) close() {
	for _, s := range []*stack.Stack{d.bob, d.alice} {
		if s != nil {
			s.Close()
		}
	}
	if d.model != nil {
		d.model.Close()
	}
	if d.chain != nil {
		d.chain.Close()
	}
	if d.dir != "" {
		removeAll(d.dir)
	}
}
