// x402-buyer-express.mjs runs a seller built only from the official x402
// packages, for obol's buyer proxy to pay: an Express app behind
// @x402/express's paymentMiddleware, whose facilitator is @x402/core's
// x402Facilitator with @x402/evm's exact facilitator scheme settling on the
// dev chain through viem.
//
//   node x402-buyer-express.mjs <rpc URL> <0x facilitator key> <payTo> <eip3009|permit2> <amount>
//
// It prints one JSON line {"url": "<offer URL>"} when it listens, then
// serves POST <offer URL>/v1/chat/completions until stdin closes.
import express from "express";
import { paymentMiddleware, x402ResourceServer } from "@x402/express";
import { x402Facilitator } from "@x402/core/facilitator";
import { ExactEvmScheme as ExactEvmFacilitator } from "@x402/evm/exact/facilitator";
import { ExactEvmScheme as ExactEvmServer } from "@x402/evm/exact/server";
import { toFacilitatorEvmSigner } from "@x402/evm";
import { createWalletClient, defineChain, http, publicActions } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const [rpc, facKey, payTo, method, amount] = process.argv.slice(2);
if (!rpc || !facKey || !payTo || !["eip3009", "permit2"].includes(method) || !amount) {
  console.error("usage: node x402-buyer-express.mjs <rpc URL> <0x facilitator key> <payTo> <eip3009|permit2> <amount>");
  process.exit(2);
}
const network = "eip155:1337";
const chain = defineChain({ id: 1337, name: "obol devnet", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [rpc] } } });
const account = privateKeyToAccount(facKey);
const wallet = createWalletClient({ account, chain, transport: http(rpc) }).extend(publicActions);
const signer = toFacilitatorEvmSigner({
  address: account.address,
  readContract: (a) => wallet.readContract({ ...a, args: a.args ?? [] }),
  verifyTypedData: (a) => wallet.verifyTypedData(a),
  writeContract: (a) => wallet.writeContract({ ...a, args: a.args ?? [] }),
  sendTransaction: (a) => wallet.sendTransaction(a),
  waitForTransactionReceipt: (a) => wallet.waitForTransactionReceipt(a),
  getCode: (a) => wallet.getCode(a),
}, { confirmationTimeoutMs: 30000 });
const facilitator = new x402Facilitator().register(network, new ExactEvmFacilitator(signer));

const asset = method === "eip3009"
  ? { asset: "0x036CbD53842c5426634e7929541eC2318f3dCF7e", extra: { name: "USDC", version: "2" } }
  : { asset: "0x0a09371a8b011d5110656ceBCc70603e53FD2c78", extra: { name: "Obol Network", version: "1", assetTransferMethod: "permit2" } };
const server = new x402ResourceServer(facilitator).register(network, new ExactEvmServer());
const path = "/services/express-qwen/v1/chat/completions";
const routes = {
  [`POST ${path}`]: {
    accepts: { scheme: "exact", network, payTo, maxTimeoutSeconds: 300, price: { amount, asset: asset.asset, extra: asset.extra } },
    description: "official @x402/express seller",
    mimeType: "application/json",
  },
};

const app = express();
app.use(express.json());
app.use(paymentMiddleware(routes, server));
app.post(path, (req, res) => {
  res.json({ object: "chat.completion", model: req.body?.model ?? "", choices: [{ index: 0, message: { role: "assistant", content: "hello from @x402/express" }, finish_reason: "stop" }] });
});
const srv = app.listen(0, "127.0.0.1", () => {
  const { port } = srv.address();
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/services/express-qwen` }));
});
process.stdin.on("end", () => { srv.close(); process.exit(0); });
process.stdin.resume();
