// e2e-paid-openai.mjs makes paid chat completions with the official `openai`
// npm client through a buyer's obol gateway (model paid/<name>): the gateway
// routes to the buyer proxy, which pays the seller with one pre-signed auth
// per call. It reads the settlement the seller returned from the response
// headers, so the caller can check it on chain.
//
//   node e2e-paid-openai.mjs <baseURL incl. /v1> <apiKey> <model> <prompt>
//
// Prints one JSON line {content, model, finish, settlement}; exits 1 with a
// reason when the answer or the settlement is missing.
import OpenAI from "openai";

const [baseURL, apiKey, model, prompt] = process.argv.slice(2);
if (!baseURL || !apiKey || !model || !prompt) {
  console.error("usage: node e2e-paid-openai.mjs <baseURL> <apiKey> <model> <prompt>");
  process.exit(2);
}
const fail = (msg) => { console.error("FAIL: " + msg); process.exit(1); };
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 30000 });

const { data, response } = await client.chat.completions
  .create({ model, messages: [{ role: "user", content: prompt }] })
  .withResponse();
const header = response.headers.get("payment-response") ?? response.headers.get("x-payment-response");
if (!header) fail(`no PAYMENT-RESPONSE header on a paid call (status ${response.status})`);
let settlement;
try {
  settlement = JSON.parse(Buffer.from(header, "base64").toString("utf8"));
} catch (e) {
  fail(`PAYMENT-RESPONSE is not base64 JSON: ${e}`);
}
if (settlement.success !== true || !/^0x[0-9a-fA-F]{64}$/.test(settlement.transaction ?? "")) {
  fail(`settlement ${JSON.stringify(settlement)}`);
}
const content = data.choices?.[0]?.message?.content;
if (typeof content !== "string" || content === "") fail(`no content in ${JSON.stringify(data)}`);
console.log(JSON.stringify({ content, model: data.model, finish: data.choices[0].finish_reason, settlement }));
