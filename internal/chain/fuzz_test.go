package chain_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/obol-dev/obol/internal/chain"
)

// FuzzHandler feeds arbitrary request bodies to the JSON-RPC front: it must
// always answer (never panic or hang), and a 200 answer must be JSON.
func FuzzHandler(f *testing.F) {
	seeds := []string{
		`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`,
		`[{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"},{"jsonrpc":"2.0","id":2,"method":"net_version"}]`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_sendRawTransaction","params":["0x02f8"]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_sendTransaction","params":[{"from":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","to":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","value":"0x1"}]}`,
		`{"jsonrpc":"2.0","id":1,"method":"evm_increaseTime","params":["0x10"]}`,
		`{"jsonrpc":"2.0","id":1,"method":"evm_mine","params":[]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"to":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","data":"0x06fdde03"},"latest"]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[{"fromBlock":"earliest","address":["0x036CbD53842c5426634e7929541eC2318f3dCF7e"],"topics":[null,["0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",null]]}]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[{"blockHash":"0x00","topics":[[],[[]],1]}]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_newFilter","params":[{"address":"0x036CbD53842c5426634e7929541eC2318f3dCF7e"}]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getFilterChanges","params":["0x1"]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_feeHistory","params":[4,"latest",[25,75]]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_feeHistory","params":["0xffffffffffffffff","pending",[101,-1]]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getStorageAt","params":["0x036CbD53842c5426634e7929541eC2318f3dCF7e","0x0","latest"]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["pending",true]}`,
		`{"jsonrpc":"2.0","id":1,"method":"eth_estimateGas","params":[{"gasPrice":"0x1","maxFeePerGas":"0x2","value":"0x-1"},{"blockHash":"0x00"},{}]}`,
		`{"jsonrpc":"2.0","id":1,"method":"txpool_content","params":[]}`,
		`{"jsonrpc":"2.0","id":{},"method":[],"params":{}}`,
		`{"id":1e999,"method":"eth_getBalance","params":["0x00","pending",1]}`,
		`[]`, `[[]]`, `null`, ``, `{`, "\x00\xff",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	c, err := chain.New(chain.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = c.Close() })
	h := c.Handler()
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusOK && rec.Body.Len() > 0 && !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("200 answer is not JSON: %q", rec.Body.String())
		}
	})
}
