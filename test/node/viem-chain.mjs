// viem-chain.mjs drives the official viem client against an obol dev chain
// (internal/chain's TestViemInterop starts one and runs this script).
//
//   node viem-chain.mjs <rpcURL> <senderKey> <payerKey> <recipient>
//
// It reads the chain id, balances and domain separators, makes a USDC
// transfer, and has viem sign an ERC-3009 authorization that the sender then
// submits. It prints one JSON object; the Go test checks every value against
// its own reading of the chain. Any failure exits non-zero.
import {
  createPublicClient, createWalletClient, http, defineChain, parseAbi,
  domainSeparator, parseUnits, toHex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

const [rpcURL, senderKey, payerKey, recipient] = process.argv.slice(2);
if (!recipient) {
  console.error('usage: node viem-chain.mjs <rpcURL> <senderKey> <payerKey> <recipient>');
  process.exit(2);
}

const USDC = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
const OBOL = '0x0a09371a8b011d5110656ceBCc70603e53FD2c78';
const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

const erc20 = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function name() view returns (string)',
  'function version() view returns (string)',
  'function transfer(address to, uint256 value) returns (bool)',
  'function DOMAIN_SEPARATOR() view returns (bytes32)',
  'function authorizationState(address, bytes32) view returns (bool)',
  'function transferWithAuthorization(address from, address to, uint256 value, uint256 validAfter, uint256 validBefore, bytes32 nonce, bytes signature)',
]);
const permit2Abi = parseAbi(['function DOMAIN_SEPARATOR() view returns (bytes32)']);

const pub = createPublicClient({ transport: http(rpcURL) });
const chainId = await pub.getChainId();
const chain = defineChain({
  id: chainId, name: 'obol devnet', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [rpcURL] } },
});
const sender = privateKeyToAccount(senderKey);
const payer = privateKeyToAccount(payerKey);
const wallet = createWalletClient({ account: sender, chain, transport: http(rpcURL) });

const read = (address, functionName, args = []) => pub.readContract({ address, abi: erc20, functionName, args });

const out = { chainId };
out.senderEth = (await pub.getBalance({ address: sender.address })).toString();
out.senderUsdc = (await read(USDC, 'balanceOf', [sender.address])).toString();
out.senderObol = (await read(OBOL, 'balanceOf', [sender.address])).toString();
out.usdcDecimals = await read(USDC, 'decimals');
out.usdcName = await read(USDC, 'name');
out.usdcVersion = await read(USDC, 'version');

out.permit2DomainSeparator = await pub.readContract({ address: PERMIT2, abi: permit2Abi, functionName: 'DOMAIN_SEPARATOR' });
out.permit2DomainSeparatorViem = domainSeparator({ domain: { name: 'Permit2', chainId, verifyingContract: PERMIT2 } });
out.usdcDomainSeparator = await read(USDC, 'DOMAIN_SEPARATOR');
out.usdcDomainSeparatorViem = domainSeparator({ domain: { name: out.usdcName, version: out.usdcVersion, chainId, verifyingContract: USDC } });

// A plain ERC-20 transfer of 1.5 USDC, signed and sent by viem.
const amount = parseUnits('1.5', 6);
const transferHash = await wallet.writeContract({ address: USDC, abi: erc20, functionName: 'transfer', args: [recipient, amount] });
const transferReceipt = await pub.waitForTransactionReceipt({ hash: transferHash, pollingInterval: 50, timeout: 10_000 });
out.transferTx = transferHash;
out.transferStatus = transferReceipt.status;

// An ERC-3009 authorization signed by viem (EIP-712), submitted by sender.
const nonce = toHex(crypto.getRandomValues(new Uint8Array(32)));
const head = await pub.getBlock();
const auth = {
  from: payer.address, to: recipient, value: 250_000n, validAfter: 0n,
  validBefore: head.timestamp + 3600n, nonce,
};
const signature = await payer.signTypedData({
  domain: { name: out.usdcName, version: out.usdcVersion, chainId, verifyingContract: USDC },
  types: {
    TransferWithAuthorization: [
      { name: 'from', type: 'address' }, { name: 'to', type: 'address' }, { name: 'value', type: 'uint256' },
      { name: 'validAfter', type: 'uint256' }, { name: 'validBefore', type: 'uint256' }, { name: 'nonce', type: 'bytes32' },
    ],
  },
  primaryType: 'TransferWithAuthorization',
  message: auth,
});
const authHash = await wallet.writeContract({
  address: USDC, abi: erc20, functionName: 'transferWithAuthorization',
  args: [auth.from, auth.to, auth.value, auth.validAfter, auth.validBefore, auth.nonce, signature],
});
const authReceipt = await pub.waitForTransactionReceipt({ hash: authHash, pollingInterval: 50, timeout: 10_000 });
out.authTx = authHash;
out.authStatus = authReceipt.status;
out.authNonce = nonce;
out.authUsed = await read(USDC, 'authorizationState', [payer.address, nonce]);
out.recipientUsdc = (await read(USDC, 'balanceOf', [recipient])).toString();

console.log(JSON.stringify(out));
