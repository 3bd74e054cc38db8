// build.mjs compiles contracts/src with solc-js (the version pinned in
// package.json) and writes artifacts/combined.json in solc's --combined-json
// shape, which abigen reads (`go generate ./contracts/...`), plus one
// <Name>.json per contract with abi, creation bytecode and runtime bytecode.
// The runtime bytecode is what internal/chain places in the dev chain's genesis.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const solc = require('solc');
const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, 'src');
const outDir = join(here, 'artifacts');

// The contracts the Go side uses; other compiled units (interfaces) are skipped.
const wanted = ['DevUSDC', 'DevOBOL', 'Permit2', 'X402ExactPermit2Proxy', 'IdentityRegistry', 'DevSmartWallet'];

const sources = {};
for (const f of readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: readFileSync(join(srcDir, f), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    // No metadata hash: the bytecode then depends only on the source, so a
    // rebuild on another machine gives byte-identical artifacts.
    metadata: { bytecodeHash: 'none', appendCBOR: false },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: () => ({ error: 'imports are resolved from src/ only' }) }));
const errors = (out.errors || []).filter((e) => e.severity === 'error');
for (const e of out.errors || []) console.error(e.formattedMessage);
if (errors.length) process.exit(1);

mkdirSync(outDir, { recursive: true });
const combined = { contracts: {}, version: solc.version() };
for (const [file, units] of Object.entries(out.contracts)) {
  for (const [name, c] of Object.entries(units)) {
    if (!wanted.includes(name)) continue;
    combined.contracts[`${file}:${name}`] = { abi: c.abi, bin: c.evm.bytecode.object, 'bin-runtime': c.evm.deployedBytecode.object, userdoc: {}, devdoc: {} };
    writeFileSync(
      join(outDir, `${name}.json`),
      JSON.stringify({ contractName: name, abi: c.abi, bytecode: '0x' + c.evm.bytecode.object, deployedBytecode: '0x' + c.evm.deployedBytecode.object }, null, 2) + '\n',
    );
  }
}
for (const w of wanted) {
  if (!Object.keys(combined.contracts).some((k) => k.endsWith(':' + w))) {
    console.error(`contract ${w} missing from the compiler output`);
    process.exit(1);
  }
}
writeFileSync(join(outDir, 'combined.json'), JSON.stringify(combined, null, 2) + '\n');
console.log(`compiled ${wanted.length} contracts with solc ${solc.version()}`);
