// x402-seller-openai.mjs: the official `openai` npm client calls a paid
// inference offer through obol's seller, paying with the official x402 client
// (@x402/fetch passed as the OpenAI client's fetch). Checks a plain answer
// and a stream: the stream must parse cleanly although the seller appends its
// settlement as a final SSE comment.
//
//   node x402-seller-openai.mjs <offer base URL incl. /v1> <rpc URL> <0x buyer key> <model>
//
// Prints one JSON line with what it saw; exits 1 with a reason on any mismatch.
import OpenAI from "openai";
import { wrapFetchWithPayment, x402Client } from "@x402/fetch";
import { ExactEvmScheme } from "@x402/evm/exact/client";
import { toClientEvmSigner } from "@x402/evm";
import { createPublicClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const [baseURL, rpc, key, model] = process.argv.slice(2);
if (!baseURL || !rpc || !key || !model) {
  console.error("usage: node x402-seller-openai.mjs <baseURL> <rpc URL> <0x key> <model>");
  process.exit(2);
}
const fail = (msg) => { console.error("FAIL: " + msg); process.exit(1); };

// Learn the offer's assets from an unpaid call, and allow exactly those.
const probe = await fetch(baseURL + "/chat/completions", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
if (probe.status !== 402) fail(`unpaid call answered ${probe.status}`);
const { accepts } = await probe.json();

const signer = toClientEvmSigner(privateKeyToAccount(key), createPublicClient({ transport: http(rpc) }));
const x402 = new x402Client()
  .register("eip155:*", new ExactEvmScheme(signer))
  .setSpendControls({ allowedAssets: accepts.map((q) => ({ network: q.network, asset: q.asset, maxAmountPerPayment: q.amount })) });
const settlements = [];
const paidFetch = wrapFetchWithPayment(fetch, x402);
const recordingFetch = async (input, init) => {
  const res = await paidFetch(input, init);
  const pr = res.headers.get("PAYMENT-RESPONSE");
  if (pr) settlements.push(JSON.parse(Buffer.from(pr, "base64").toString("utf8")));
  return res;
};
const client = new OpenAI({ baseURL, apiKey: "not-the-upstream-key", fetch: recordingFetch, maxRetries: 0, timeout: 30000 });

const out = {};
const plain = await client.chat.completions.create({ model, messages: [{ role: "user", content: "Reply exactly: PAID_OK" }] });
out.plain = plain.choices[0].message.content;
if (out.plain !== "PAID_OK") fail(`plain content ${JSON.stringify(out.plain)}`);
if (settlements.length !== 1 || !settlements[0].success) fail(`plain call settlement ${JSON.stringify(settlements)}`);

const stream = await client.chat.completions.create({ model, stream: true, messages: [{ role: "user", content: "stream these paid words" }] });
let text = "", chunks = 0, finish = null;
for await (const c of stream) {
  chunks++;
  text += c.choices[0]?.delta?.content ?? "";
  finish = c.choices[0]?.finish_reason ?? finish;
}
out.stream = { text, chunks, finish };
if (chunks < 2 || !finish) fail(`stream ${JSON.stringify(out.stream)}`);
out.settlements = settlements;
console.log(JSON.stringify(out));
