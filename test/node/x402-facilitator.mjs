// x402-facilitator.mjs drives obol's facilitator with the official x402
// packages: @x402/core's x402Client with @x402/evm's exact client scheme
// signs payments for the dev chain (ERC-3009 USDC, Permit2 OBOL with an
// existing approval, Permit2 OBOL with an EIP-2612 gas-sponsoring permit),
// and @x402/core's HTTPFacilitatorClient calls obol's /supported, /verify
// and /settle with them.
//
//   node x402-facilitator.mjs <facilitator URL> <rpc URL> <0x payer key> <0x unapproved payer key> <payTo>
//
// Prints one JSON object with every answer; exits 1 with a reason when the
// official client itself fails.
import { x402Client } from "@x402/core/client";
import { HTTPFacilitatorClient } from "@x402/core/http";
import { ExactEvmScheme } from "@x402/evm/exact/client";
import { toClientEvmSigner } from "@x402/evm";
import { createPublicClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const [facURL, rpc, payerKey, unapprovedKey, payTo] = process.argv.slice(2);
if (!facURL || !rpc || !payerKey || !unapprovedKey || !payTo) {
  console.error("usage: node x402-facilitator.mjs <facilitator URL> <rpc URL> <0x payer key> <0x unapproved payer key> <payTo>");
  process.exit(2);
}
const network = "eip155:1337";
const USDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";
const OBOL = "0x0a09371a8b011d5110656ceBCc70603e53FD2c78";

function client(key) {
  const account = privateKeyToAccount(key);
  const signer = toClientEvmSigner(account, createPublicClient({ transport: http(rpc) }));
  const c = new x402Client();
  c.register("eip155:*", new ExactEvmScheme(signer));
  // The dev chain's tokens are not in the package's default asset table.
  c.setSpendControls({ allowedAssets: [{ network, asset: USDC }, { network, asset: OBOL }] });
  return c;
}

function paymentRequired(asset, amount, extra, extensions) {
  return {
    x402Version: 2,
    resource: { url: "http://127.0.0.1/interop", description: "obol facilitator interop", mimeType: "application/json" },
    accepts: [{ scheme: "exact", network, asset, amount, payTo, maxTimeoutSeconds: 300, extra }],
    ...(extensions ? { extensions } : {}),
  };
}

const fac = new HTTPFacilitatorClient({ url: facURL, timeoutMs: 30000 });
const out = { supported: await fac.getSupported(), cases: {} };

async function run(name, c, pr, mutateReq) {
  const payload = await c.createPaymentPayload(pr);
  const req = { ...pr.accepts[0], ...(mutateReq ?? {}) };
  const entry = { payload, verify: await fac.verify(payload, req) };
  if (!mutateReq) entry.settle = await fac.settle(payload, req);
  out.cases[name] = entry;
}

const sponsoring = { eip2612GasSponsoring: { info: { description: "the facilitator submits your EIP-2612 permit with the transfer" }, schema: {} } };
await run("eip3009", client(payerKey), paymentRequired(USDC, "1500", { name: "USDC", version: "2" }));
await run("permit2", client(payerKey), paymentRequired(OBOL, "2500", { name: "Obol Network", version: "1", assetTransferMethod: "permit2" }));
await run("permit2-eip2612", client(unapprovedKey), paymentRequired(OBOL, "3500", { name: "Obol Network", version: "1", assetTransferMethod: "permit2" }, sponsoring));
await run("eip3009-wrong-amount", client(payerKey), paymentRequired(USDC, "1500", { name: "USDC", version: "2" }), { amount: "1501" });
console.log(JSON.stringify(out));
