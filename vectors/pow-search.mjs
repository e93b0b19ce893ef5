// Fast, deterministic brute-force search for Atto proof-of-work nonces.
//
// This is NOT part of the reference implementation. It only exists so that
// generate.mjs can produce *valid* work vectors for DEV, BETA and LIVE, where
// the reference's own CPU worker (~0.1 MH/s in JS) is far too slow. Every nonce
// found here is afterwards confirmed by the reference (AttoWork.isValid) and by
// blakejs in generate.mjs, so a bug here can only make generation fail, never
// produce a wrong vector.
//
// PoW: value = u64_le(BLAKE2b(digest_len = 8)(nonce[8] || target[32])),
// valid iff value <= threshold. The 8 nonce bytes are exactly the transaction's
// "work" bytes; we walk them as a little-endian u64 counter, i.e. the same
// order the reference worker uses (its worker increments byte 0 first).
//
// The 40-byte message fits in one 128-byte BLAKE2b block, so one compression
// per nonce. The compression is emitted as a straight-line WebAssembly function
// (i64 ops; message words m5..m15 are zero and omitted). ~7 MH/s per core.
//
// search(startNonce, target, threshold) returns the FIRST nonce n >= start
// (counting as a little-endian u64, wrapping at 2^64) whose value is <= threshold.
// Each job runs on exactly one worker thread, so the result does not depend on
// the number of threads: the output is reproducible.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import os from 'node:os';

const M64 = (1n << 64n) - 1n;

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
const IV = [
  0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
  0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
];

const uleb = (n) => {
  const o = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    o.push(b);
  } while (n);
  return o;
};
const sleb64 = (v) => {
  v = BigInt.asIntN(64, v);
  const o = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) {
      o.push(b);
      return o;
    }
    o.push(b | 0x80);
  }
};

// (func (param m0 m1 m2 m3 m4 i64) (param count i32) (param thr i64) (result i32))
// returns the index i < count of the first nonce m0+i with value <= thr, or -1.
export function buildSearchWasm() {
  const V = (k) => 7 + k; // locals v0..v15 (i64)
  const I = 23; // loop counter (i32)
  const c = [];
  const get = (x) => c.push(0x20, ...uleb(x));
  const set = (x) => c.push(0x21, ...uleb(x));
  const tee = (x) => c.push(0x22, ...uleb(x));
  const k64 = (v) => c.push(0x42, ...sleb64(v));
  const ADD = 0x7c, XOR = 0x85, ROTR = 0x8a;
  const h0 = IV[0] ^ 0x01010008n; // parameter block: digest 8, key 0, fanout 1, depth 1
  const init = [h0, ...IV.slice(1), ...IV];
  init[12] ^= 40n; // t0 = 40 bytes
  init[14] ^= M64; // final block
  c.push(0x41, 0); set(I);
  c.push(0x03, 0x40); // loop
  for (let k = 0; k < 16; k++) { k64(init[k]); set(V(k)); }
  const G = (a, b, cc, d, x, y) => {
    get(V(a)); get(V(b)); c.push(ADD); if (x < 5) { get(x); c.push(ADD); } set(V(a));
    get(V(d)); get(V(a)); c.push(XOR); k64(32n); c.push(ROTR); set(V(d));
    get(V(cc)); get(V(d)); c.push(ADD); set(V(cc));
    get(V(b)); get(V(cc)); c.push(XOR); k64(24n); c.push(ROTR); set(V(b));
    get(V(a)); get(V(b)); c.push(ADD); if (y < 5) { get(y); c.push(ADD); } set(V(a));
    get(V(d)); get(V(a)); c.push(XOR); k64(16n); c.push(ROTR); set(V(d));
    get(V(cc)); get(V(d)); c.push(ADD); set(V(cc));
    get(V(b)); get(V(cc)); c.push(XOR); k64(63n); c.push(ROTR); set(V(b));
  };
  for (let r = 0; r < 12; r++) {
    const s = SIGMA[r % 10];
    G(0, 4, 8, 12, s[0], s[1]); G(1, 5, 9, 13, s[2], s[3]);
    G(2, 6, 10, 14, s[4], s[5]); G(3, 7, 11, 15, s[6], s[7]);
    G(0, 5, 10, 15, s[8], s[9]); G(1, 6, 11, 12, s[10], s[11]);
    G(2, 7, 8, 13, s[12], s[13]); G(3, 4, 9, 14, s[14], s[15]);
  }
  k64(h0); get(V(0)); c.push(XOR); get(V(8)); c.push(XOR); get(6); c.push(0x58); // i64.le_u
  c.push(0x04, 0x40); get(I); c.push(0x0f, 0x0b); // if (return i) end
  get(0); k64(1n); c.push(ADD); set(0); // m0 += 1
  get(I); c.push(0x41, 1, 0x6a); tee(I); get(5); c.push(0x49, 0x0d, 0); // i++ < count -> continue
  c.push(0x0b); // end loop
  c.push(0x41, 0x7f); // -1
  c.push(0x0b); // end func
  const body = [0x02, 16, 0x7e, 1, 0x7f, ...c];
  const func = [...uleb(body.length), ...body];
  const sec = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];
  const type = [1, 0x60, 7, 0x7e, 0x7e, 0x7e, 0x7e, 0x7e, 0x7f, 0x7e, 1, 0x7f];
  const name = [...'search'].map((ch) => ch.charCodeAt(0));
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...sec(1, type), ...sec(3, [1, 0]), ...sec(7, [1, name.length, ...name, 0x00, 0]), ...sec(10, [1, ...func]),
  ]);
}

function leU64(bytes, off) {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(bytes[off + i]);
  return v;
}

export function makeSearcher() {
  const inst = new WebAssembly.Instance(new WebAssembly.Module(buildSearchWasm()), {});
  const wasmSearch = inst.exports.search;
  // First nonce >= start (LE u64 counter, wrapping) with value <= threshold.
  return function search(start, target, threshold, chunk = 1 << 24) {
    const m = [1, 2, 3, 4].map((i) => leU64(target, (i - 1) * 8));
    let n = start & M64;
    for (;;) {
      const idx = wasmSearch(n, m[0], m[1], m[2], m[3], chunk, threshold);
      if (idx >= 0) return (n + BigInt(idx)) & M64;
      n = (n + BigInt(chunk)) & M64;
    }
  };
}

// Pool of worker threads; each job {start: bigint, target: Uint8Array(32), threshold: bigint}
// is solved by a single worker (deterministic result), jobs run in parallel.
export async function solveAll(jobs, { threads = os.availableParallelism?.() ?? os.cpus().length, log = () => {} } = {}) {
  const results = new Array(jobs.length);
  if (jobs.length === 0) return results;
  const n = Math.max(1, Math.min(threads, jobs.length));
  // Hardest jobs first (lowest threshold) so the long ones do not end up alone at the end.
  // Results are per job, so the schedule does not affect them.
  const order = jobs.map((_, i) => i).sort((a, b) => (jobs[a].threshold < jobs[b].threshold ? -1 : jobs[a].threshold > jobs[b].threshold ? 1 : a - b));
  let next = 0;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { powWorker: true } });
    const feed = () => {
      if (next >= jobs.length) { w.terminate().then(() => resolve()); return; }
      const i = order[next++];
      const j = jobs[i];
      w.postMessage({ i, start: j.start.toString(), target: Array.from(j.target), threshold: j.threshold.toString() });
    };
    w.on('message', (msg) => {
      results[msg.i] = BigInt(msg.nonce);
      log(`  pow job ${msg.i + 1}/${jobs.length} solved in ${msg.seconds.toFixed(1)} s (${((Date.now() - t0) / 1000).toFixed(0)} s total) ${jobs[msg.i].label ?? ''}`);
      feed();
    });
    w.on('error', reject);
    feed();
  })));
  return results;
}

if (!isMainThread && workerData?.powWorker) {
  const search = makeSearcher();
  parentPort.on('message', (msg) => {
    const t = Date.now();
    const nonce = search(BigInt(msg.start), Uint8Array.from(msg.target), BigInt(msg.threshold));
    parentPort.postMessage({ i: msg.i, nonce: nonce.toString(), seconds: (Date.now() - t) / 1000 });
  });
}
