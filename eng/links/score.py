#!/usr/bin/env python3
"""Share of generated hosts that `takeover link --format json` calls lookalike, per kind.

  python3 eng/links/score.py HOSTS.tsv RESULTS.jsonl [--misses]
HOSTS.tsv: kind TAB official TAB host per line (eng/links/fuzz.py or any generator); RESULTS.jsonl: one result per line.
"""
import argparse, collections, json
ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('hosts'); ap.add_argument('results'); ap.add_argument('--misses', action='store_true')
a = ap.parse_args()
rows = [l.rstrip('\n').split('\t') for l in open(a.hosts, encoding='utf-8')]
outs = [json.loads(l) for l in open(a.results, encoding='utf-8')]
assert len(rows) == len(outs), (len(rows), len(outs))
total, hit, missed = collections.Counter(), collections.Counter(), []
for (kind, official, host), out in zip(rows, outs):
    total[kind] += 1
    if out['verdict'] == 'lookalike': hit[kind] += 1
    else: missed.append((kind, official, host, out['verdict']))
n, h = sum(total.values()), sum(hit.values())
print(f'total {h}/{n} = {100 * h / max(n, 1):.2f}%')
for k in sorted(total): print(f'  {k:20s} {hit[k]}/{total[k]} {100 * hit[k] / total[k]:.1f}%')
if a.misses:
    for m in missed: print('MISS', *m)
