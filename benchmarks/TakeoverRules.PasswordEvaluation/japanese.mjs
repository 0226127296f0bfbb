// Builds a small SELF-BUILT Japanese test set and scores it with zxcvbn 4.4.2, in leaks.tsv format for --leaks.
//   node japanese.mjs OUT_DIR      then      dotnet run -c Release --project . -- --leaks OUT_DIR --lines all
// This is not leak data: no licensable Japanese leak exists here. Passwords are generated from the same
// @zxcvbn-ts/language-ja lists the library embeds, with the habits of issue 15 item 4, and each set's reference
// order is the order an attacker who knows the habit enumerates them in: base word rank in its list (surnames and
// words are frequency ranked) times the size of what the habit adds. So it measures whether a meter sees the habit,
// not dictionary coverage, and it is partly circular for this library (its costs follow the same attacker model).
//   ja-kana-keys      a word typed with JIS kana keys into an ASCII field (たなか -> qut); reference = word rank
//   ja-kana-mode      a romaji word or common password typed with the IME in kana mode (sakura -> とちのなすち)
//   ja-ime-spelling   one IME spelling changed (shi -> si, tsu -> tu, fu -> hu, chi -> ti, ji -> zi, n -> nn before a consonant)
//   ja-era-name       surname + era letter + era year (+ MMDD): tanakaH05, satos550412; reference = rank x years (x 365)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = process.argv[2] ?? 'artifacts/password-eval-ja';
fs.mkdirSync(out, { recursive: true });

let seed = 20261204;
const rand = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const ja = require('@zxcvbn-ts/language-ja');
const common = require('@zxcvbn-ts/language-common');
const surnames = ja.dictionary.lastnames;
const words = [...ja.dictionary.commonWords, ...ja.dictionary.wikipedia];

// Wapuro romaji -> hiragana, longest syllable first; null when the word does not parse.
const syllables = {
  a: 'あ', i: 'い', u: 'う', e: 'え', o: 'お', ka: 'か', ki: 'き', ku: 'く', ke: 'け', ko: 'こ', sa: 'さ', shi: 'し', su: 'す', se: 'せ', so: 'そ',
  ta: 'た', chi: 'ち', tsu: 'つ', te: 'て', to: 'と', na: 'な', ni: 'に', nu: 'ぬ', ne: 'ね', no: 'の', ha: 'は', hi: 'ひ', fu: 'ふ', he: 'へ', ho: 'ほ',
  ma: 'ま', mi: 'み', mu: 'む', me: 'め', mo: 'も', ya: 'や', yu: 'ゆ', yo: 'よ', ra: 'ら', ri: 'り', ru: 'る', re: 'れ', ro: 'ろ', wa: 'わ', wo: 'を',
  ga: 'が', gi: 'ぎ', gu: 'ぐ', ge: 'げ', go: 'ご', za: 'ざ', ji: 'じ', zu: 'ず', ze: 'ぜ', zo: 'ぞ', da: 'だ', de: 'で', do: 'ど',
  ba: 'ば', bi: 'び', bu: 'ぶ', be: 'べ', bo: 'ぼ', pa: 'ぱ', pi: 'ぴ', pu: 'ぷ', pe: 'ぺ', po: 'ぽ',
};
for (const [c, k] of [['k', 'き'], ['g', 'ぎ'], ['n', 'に'], ['h', 'ひ'], ['m', 'み'], ['r', 'り'], ['b', 'び'], ['p', 'ぴ']]) {
  syllables[c + 'ya'] = k + 'ゃ'; syllables[c + 'yu'] = k + 'ゅ'; syllables[c + 'yo'] = k + 'ょ';
}
for (const [c, k] of [['sh', 'し'], ['ch', 'ち'], ['j', 'じ']]) { syllables[c + 'a'] = k + 'ゃ'; syllables[c + 'u'] = k + 'ゅ'; syllables[c + 'o'] = k + 'ょ'; }
const toKana = (w) => {
  let out = '';
  for (let i = 0; i < w.length;) {
    let hit = false;
    for (const len of [3, 2, 1]) {
      const s = w.slice(i, i + len);
      if (syllables[s]) { out += syllables[s]; i += len; hit = true; break; }
    }
    if (hit) continue;
    if (w[i] === 'n') { out += 'ん'; i++; continue; }
    if (i + 1 < w.length && w[i] === w[i + 1] && !'aiueon'.includes(w[i])) { out += 'っ'; i++; continue; }
    if (w.slice(i, i + 3) === 'tch') { out += 'っ'; i++; continue; }
    return null;
  }
  return out;
};

// JIS X 6002 kana arrangement (the same facts as the library's KanaInputMatcher; see THIRD-PARTY-NOTICES.md).
const keys = '1234567890-^qwertyuiop@[asdfghjkl;:]zxcvbnm,./\\';
const kanaKeys = 'ぬふあうえおやゆよわほへたていすかんなにらせ゛゜ちとしはきくまのりれけむつさそひこみもねるめろ';
const keyOf = new Map([...kanaKeys].map((k, i) => [k, keys[i]]));
for (const [k, key] of [['ぁ', '#'], ['ぅ', '$'], ['ぇ', '%'], ['ぉ', '&'], ['ゃ', "'"], ['ゅ', '('], ['ょ', ')'], ['を', '~'], ['ぃ', 'E'], ['っ', 'Z']]) keyOf.set(k, key);
const voiced = 'がぎぐげござじずぜぞだぢづでどばびぶべぼ', plain = 'かきくけこさしすせそたちつてとはひふへほ';
const semi = 'ぱぴぷぺぽ', semiPlain = 'はひふへほ';
const kanaToKeys = (kana) => {
  let s = '';
  for (const k of kana) {
    if (voiced.includes(k)) s += keyOf.get(plain[voiced.indexOf(k)]) + '@';
    else if (semi.includes(k)) s += keyOf.get(semiPlain[semi.indexOf(k)]) + '[';
    else if (keyOf.has(k)) s += keyOf.get(k);
    else return null;
  }
  return s;
};
const letterToKana = new Map([...'1234567890qwertyuiopasdfghjklzxcvbnm'].map((c) => [c, kanaKeys[keys.indexOf(c)]]));

const rows = [];
const zxcvbn = require('zxcvbn');
const add = (set, rank, p) => {
  if (!p || /[\t\r\n]/.test(p)) return;
  const r = zxcvbn(p);
  rows.push([set, rank, p, r.guesses_log10.toFixed(4), r.score, 0].join('\t'));
};
const take = (list, n, f) => {
  const seen = new Set();
  for (let k = 0; k < list.length && seen.size < n; k++) {
    const p = f(list[k], k + 1);
    if (p && !seen.has(p[1])) { seen.add(p[1]); add(...p); }
  }
};

const kanaKeyWords = [...surnames.map((w, i) => [w, i + 1]), ...words.slice(0, 3000).map((w, i) => [w, i + 1])]
  .filter(([w]) => /^[a-z]{3,10}$/.test(w)).sort((a, b) => a[1] - b[1]);
take(kanaKeyWords, 600, ([w, rank]) => {
  const kana = toKana(w);
  const typed = kana && kanaToKeys(kana);
  return typed && typed.length >= 3 ? ['ja-kana-keys', rank, typed] : null;
});

const kanaMode = [...words.slice(0, 2000).map((w, i) => [w, i + 1]), ...common.dictionary['passwords-common'].slice(0, 2000).map((w, i) => [w, i + 1])]
  .filter(([w]) => /^[a-z0-9]{4,12}$/.test(w)).sort((a, b) => a[1] - b[1]);
take(kanaMode, 600, ([w, rank]) => ['ja-kana-mode', rank, [...w].map((c) => letterToKana.get(c)).join('')]);

const rules = [[/shi/, 'si'], [/tsu/, 'tu'], [/fu/, 'hu'], [/chi/, 'ti'], [/ji/, 'zi'], [/n(?=[bcdfghjkmprstwz])/, 'nn']];
take(words.slice(0, 20000).map((w, i) => [w, i + 1]).filter(([w]) => /^[a-z]{5,12}$/.test(w)), 600, ([w, rank]) => {
  const applicable = rules.filter(([re]) => re.test(w));
  if (applicable.length === 0) return null;
  const [re, to] = applicable[int(0, applicable.length - 1)];
  return ['ja-ime-spelling', rank, w.replace(re, to)];
});

take(surnames.slice(0, 400).map((w, i) => [w, i + 1]), 600, ([w, rank]) => {
  const year = int(1955, 2024);
  const [letter, eraYear] = year >= 2019 ? ['r', year - 2018] : year >= 1989 ? ['h', year - 1988] : ['s', year - 1925];
  const upper = rand() < 0.5;
  const withDay = rand() < 0.4;
  const era = (upper ? letter.toUpperCase() : letter) + String(eraYear).padStart(2, '0');
  const day = withDay ? String(int(1, 12)).padStart(2, '0') + String(int(1, 28)).padStart(2, '0') : '';
  return ['ja-era-name', rank * (Math.abs(2026 - year) + 1) * (withDay ? 365 : 1) * 2, w + era + day];
});

// Re-rank each set by its reference (1 = what the attacker tries first), as leaks.mjs ranks by frequency.
const bySet = new Map();
for (const r of rows) {
  const f = r.split('\t');
  if (!bySet.has(f[0])) bySet.set(f[0], []);
  bySet.get(f[0]).push(f);
}
const lines = [];
for (const [set, list] of bySet) {
  list.sort((a, b) => Number(a[1]) - Number(b[1]));
  list.forEach((f, i) => lines.push([set, i + 1, ...f.slice(2)].join('\t')));
  console.error(`${set}: ${list.length}`);
}
fs.writeFileSync(path.join(out, 'leaks.tsv'), lines.join('\n') + '\n');
