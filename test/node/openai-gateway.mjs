// openai-gateway.mjs drives obol's model gateway with the official `openai`
// npm client: non-streaming, streaming and tool calls (both ways).
//
//   node openai-gateway.mjs <baseURL incl. /v1> <apiKey> <model>
//
// Prints one JSON line with what it saw; exits 1 with a reason on any mismatch.
import OpenAI from "openai";

const [baseURL, apiKey, model] = process.argv.slice(2);
if (!baseURL || !apiKey || !model) {
  console.error("usage: node openai-gateway.mjs <baseURL> <apiKey> <model>");
  process.exit(2);
}
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 20000 });
const tools = [{ type: "function", function: { name: "lookup", description: "look something up",
  parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] } } }];
const fail = (msg) => { console.error("FAIL: " + msg); process.exit(1); };

const out = {};
const models = await client.models.list();
out.models = models.data.map((m) => m.id);
if (!out.models.includes(model)) fail(`model ${model} not in /v1/models: ${out.models}`);

const plain = await client.chat.completions.create({ model, messages: [{ role: "user", content: "Reply exactly: NODE_OK" }] });
out.plain = plain.choices[0].message.content;
if (out.plain !== "NODE_OK") fail(`non-streaming content ${JSON.stringify(out.plain)}`);

const stream = await client.chat.completions.create({ model, stream: true, messages: [{ role: "user", content: "stream these words please" }] });
let text = "", chunks = 0, finish = null;
for await (const c of stream) {
  chunks++;
  text += c.choices[0]?.delta?.content ?? "";
  finish = c.choices[0]?.finish_reason ?? finish;
}
out.stream = { text, chunks, finish };
if (text !== "echo: stream these words please" || chunks < 3 || finish !== "stop") fail(`stream ${JSON.stringify(out.stream)}`);

const tc = await client.chat.completions.create({ model, tools, tool_choice: "auto", messages: [{ role: "user", content: "call tool now" }] });
const call = tc.choices[0].message.tool_calls?.[0];
out.tool = { name: call?.function?.name, args: call?.function?.arguments, finish: tc.choices[0].finish_reason };
if (out.tool.name !== "lookup" || JSON.parse(out.tool.args).text !== "call tool now" || out.tool.finish !== "tool_calls") fail(`tool ${JSON.stringify(out.tool)}`);

const runner = await client.chat.completions.create({ model, tools, stream: true, messages: [{ role: "user", content: "call tool streamed" }] });
let args = "", name = "", tfinish = null;
for await (const c of runner) {
  for (const d of c.choices[0]?.delta?.tool_calls ?? []) { name += d.function?.name ?? ""; args += d.function?.arguments ?? ""; }
  tfinish = c.choices[0]?.finish_reason ?? tfinish;
}
out.toolStream = { name, args, finish: tfinish };
if (name !== "lookup" || JSON.parse(args).text !== "call tool streamed" || tfinish !== "tool_calls") fail(`tool stream ${JSON.stringify(out.toolStream)}`);

try {
  await client.chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "x" }] });
  fail("unknown model did not fail");
} catch (e) {
  if (!(e instanceof OpenAI.NotFoundError)) fail(`unknown model gave ${e}`);
  out.unknown = e.status;
}
console.log(JSON.stringify(out));
