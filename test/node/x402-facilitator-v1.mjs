// x402-facilitator-v1.mjs: the official x402 v1 client path against obol's
// facilitator. @x402/evm's ExactEvmSchemeV1 (registered with
// x402Client.registerV1) signs an ERC-3009 payment for "base-sepolia" (v1
// names, maxAmountRequired, validAfter = now-600), and @x402/core's
// HTTPFacilitatorClient sends the v1 request shape to /verify and /settle.
// The Go test serves a dev chain with Base Sepolia's chain id, whose USDC
// sits at Base Sepolia's USDC address with its "USDC"/"2" domain.
//
//   node x402-facilitator-v1.mjs <facilitator URL> <0x payer key> <payTo>
import { x402Client } from "@x402/core/client";
import { HTTPFacilitatorClient } from "@x402/core/http";
import { ExactEvmSchemeV1 } from "@x402/evm/exact/v1/client";
import { privateKeyToAccount } from "viem/accounts";

const [facURL, key, payTo] = process.argv.slice(2);
if (!facURL || !key || !payTo) {
  console.error("usage: node x402-facilitator-v1.mjs <facilitator URL> <0x payer key> <payTo>");
  process.exit(2);
}
const USDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";
const c = new x402Client();
c.registerV1("base-sepolia", new ExactEvmSchemeV1(privateKeyToAccount(key)));
const requirements = {
  scheme: "exact", network: "base-sepolia", maxAmountRequired: "4200", resource: "http://127.0.0.1/v1",
  description: "obol facilitator v1 interop", mimeType: "application/json", payTo, maxTimeoutSeconds: 300,
  asset: USDC, extra: { name: "USDC", version: "2" },
};
const payload = await c.createPaymentPayload({ x402Version: 1, error: "", accepts: [requirements] });
const fac = new HTTPFacilitatorClient({ url: facURL, timeoutMs: 30000 });
const verify = await fac.verify(payload, requirements);
const settle = await fac.settle(payload, requirements);
const again = await fac.settle(payload, requirements);
console.log(JSON.stringify({ payload, verify, settle, again }));
