// The reference's side of the payout-run benchmark (issue 8): build and sign a chain of N
// SENDs with @attocash/commons-core, the way a Node signer would, and time it.
//
//   node bench-payouts.mjs OUTDIR [N]
//
// Writes into OUTDIR, for attosign to do the same work on the same input:
//   words        the mnemonic (vectors/builds.json's, passphrase ""), key index 900
//   account.json the account state before the run (AttoAccount.toJson(), LOCAL)
//   payouts.csv  address,amount (raw) — N lines
//   timestamp    the first block's timestamp (epoch ms); each next one is 1 ms later
//   reference.ndjson  {"block","signature"} per block, as the reference built and signed it
// and prints one JSON line: {"n","seconds","rate"} for the whole run from payouts.csv to
// reference.ndjson (parse every line, then attoAccountSend, signer.signBlock and toJson per
// payment, then the file; no proof of work), and {"loopSeconds","loopRate"} for the loop
// alone.
//
// Used by scripts/bench-payouts.sh, which runs attosign on the same files in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as A from '@attocash/commons-core';

const { AttoAccount, AttoAddress, AttoAlgorithm, AttoHash, AttoInstant, AttoMnemonic, AttoNetwork,
  AttoPublicKey, AttoVersion, toAttoAmount, toAttoHeight, toAttoIndex } = A;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [outDir, nArg] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench-payouts.mjs OUTDIR [N]');
  process.exit(2);
}
const N = Number(nArg ?? 10000);
fs.mkdirSync(outDir, { recursive: true });

const builds = JSON.parse(fs.readFileSync(path.join(HERE, 'builds.json'), 'utf8'));
const phrase = builds.mnemonic;
const V1 = AttoAlgorithm.V1;
const i8 = (u8) => Int8Array.from(u8, (b) => (b << 24) >> 24);
const iso = (ms) => new Date(Number(ms)).toISOString();

const mnemonic = await AttoMnemonic.fromPhrase(phrase);
const seed = await mnemonic.toSeedAsync('');
const priv = await seed.toPrivateKey(toAttoIndex(900));
const pub = await priv.toPublicKey();
const signer = await priv.toSigner();

// Receivers: 200 distinct addresses of the same mnemonic (indexes 1000..1199), cycled.
const receivers = [];
for (let i = 0; i < 200; i++) {
  receivers.push((await (await seed.toPrivateKey(toAttoIndex(1000 + i))).toPublicKey()).toAddress(V1).value);
}
// Deterministic amounts (raw), small enough that N of them fit the balance.
const amounts = [];
let x = 0x9E3779B9n;
for (let i = 0; i < N; i++) {
  x = (x * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
  amounts.push(1n + (x >> 24n) % 1000000000000n);
}
const start = BigInt(Date.now() - 3600_000); // an hour ago: the whole chain is in the past
const balance = 17000000000000000000n;
const account = new AttoAccount(pub, AttoNetwork.valueOf('LOCAL'), new AttoVersion(0), V1,
  toAttoHeight('1000'), toAttoAmount(balance.toString()), new AttoHash(i8(new Uint8Array(32).fill(7))),
  AttoInstant.Companion.fromEpochMilliseconds(start - 1000n), V1, new AttoPublicKey(i8(new Uint8Array(32).fill(9))));

fs.writeFileSync(path.join(outDir, 'words'), phrase + '\n');
fs.writeFileSync(path.join(outDir, 'account.json'), account.toJson() + '\n');
fs.writeFileSync(path.join(outDir, 'timestamp'), start.toString() + '\n');
fs.writeFileSync(path.join(outDir, 'payouts.csv'),
  'address,amount\n' + amounts.map((a, i) => `${receivers[i % receivers.length]},${a}`).join('\n') + '\n');

// Timed: the same work attosign's run does, from the payout file to the signed chain in a
// file: read and parse payouts.csv (every line's address and amount), build each SEND with
// attoAccountSend, sign it with signer.signBlock, write {"block","signature"} per block with
// toJson, and write reference.ndjson. Inside it, the loop alone (build + sign + JSON, the
// addresses already parsed) is timed too, as the stricter comparison.
const t0 = process.hrtime.bigint();
const csv = fs.readFileSync(path.join(outDir, 'payouts.csv'), 'utf8');
const payments = csv.split('\n').slice(1).filter((l) => l.length > 0).map((line) => {
  const [address, amount] = line.split(',');
  return { to: AttoAddress.parse(address), amount: toAttoAmount(amount) };
});
if (payments.length !== N) throw new Error(`payouts.csv has ${payments.length} payments, not ${N}`);
const t1 = process.hrtime.bigint();
const lines = new Array(N);
let state = account;
for (let i = 0; i < N; i++) {
  const update = A.attoAccountSend(state, payments[i].to, payments[i].amount, iso(start + BigInt(i)));
  const signature = await signer.signBlock(update.block);
  lines[i] = `{"block":${update.block.toJson()},"signature":"${signature.toString()}"}`;
  state = update.account;
}
const t2 = process.hrtime.bigint();
fs.writeFileSync(path.join(outDir, 'reference.ndjson'), lines.join('\n') + '\n');
const t3 = process.hrtime.bigint();
const seconds = Number(t3 - t0) / 1e9;
const loop = Number(t2 - t1) / 1e9;
console.log(JSON.stringify({ n: N, seconds, rate: N / seconds, loopSeconds: loop, loopRate: N / loop }));
