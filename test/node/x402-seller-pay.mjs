// x402-seller-pay.mjs pays obol's seller with the official x402 client
// (@x402/fetch wrapping fetch, @x402/evm's exact scheme, a viem account).
//
//   node x402-seller-pay.mjs <paid URL> <rpc URL> <0x buyer key> <eip3009|permit2> [count]
//
// It first asks unpaid and checks the 402 (body and PAYMENT-REQUIRED header),
// then makes `count` paid requests choosing the accepts[] entry with the
// given assetTransferMethod, and checks that each answer is 200 with a
// successful PAYMENT-RESPONSE. Prints one JSON line with what it saw; exits 1
// with a reason on any mismatch.
import { wrapFetchWithPayment, x402Client, decodePaymentResponseHeader } from "@x402/fetch";
import { ExactEvmScheme } from "@x402/evm/exact/client";
import { toClientEvmSigner } from "@x402/evm";
import { createPublicClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const [url, rpc, key, method, countArg] = process.argv.slice(2);
if (!url || !rpc || !key || !["eip3009", "permit2"].includes(method)) {
  console.error("usage: node x402-seller-pay.mjs <paid URL> <rpc URL> <0x key> <eip3009|permit2> [count]");
  process.exit(2);
}
const count = Number(countArg ?? 1);
const fail = (msg) => { console.error("FAIL: " + msg); process.exit(1); };

const unpaid = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
if (unpaid.status !== 402) fail(`unpaid request answered ${unpaid.status}`);
const body = await unpaid.json();
const header = JSON.parse(Buffer.from(unpaid.headers.get("PAYMENT-REQUIRED") ?? "", "base64").toString("utf8"));
if (JSON.stringify(header.accepts) !== JSON.stringify(body.accepts)) fail("PAYMENT-REQUIRED header and body disagree");
if (header.x402Version !== 2) fail(`x402Version ${header.x402Version}`);

const account = privateKeyToAccount(key);
const publicClient = createPublicClient({ transport: http(rpc) });
const signer = toClientEvmSigner(account, publicClient);
const pick = (_version, reqs) => {
  const r = reqs.find((q) => (q.extra?.assetTransferMethod ?? "eip3009") === method);
  if (!r) fail(`no ${method} option in accepts[]: ${JSON.stringify(reqs)}`);
  return r;
};
// The dev chain's tokens are not in the client's default asset table: allow
// exactly the assets this seller offers, capped at the advertised amount.
const client = new x402Client(pick)
  .register("eip155:*", new ExactEvmScheme(signer))
  .setSpendControls({ allowedAssets: body.accepts.map((q) => ({ network: q.network, asset: q.asset, maxAmountPerPayment: q.amount })) });
const payFetch = wrapFetchWithPayment(fetch, client);

const out = { method, payer: account.address, accepts: body.accepts.length, paid: [] };
for (let i = 0; i < count; i++) {
  const res = await payFetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ i }) });
  const text = await res.text();
  if (res.status !== 200) fail(`paid request ${i} answered ${res.status}: ${text}`);
  const pr = res.headers.get("PAYMENT-RESPONSE");
  if (!pr) fail(`paid request ${i} has no PAYMENT-RESPONSE`);
  if (res.headers.get("X-PAYMENT-RESPONSE") !== pr) fail("X-PAYMENT-RESPONSE differs from PAYMENT-RESPONSE");
  const settle = decodePaymentResponseHeader(pr);
  if (!settle.success || !settle.transaction) fail(`settlement ${JSON.stringify(settle)}`);
  out.paid.push({ status: res.status, transaction: settle.transaction, network: settle.network, body: JSON.parse(text) });
}
console.log(JSON.stringify(out));
