#!/usr/bin/env python3
"""How many ordinary hosts `takeover link --format json` calls lookalike (the false-positive rate).

  python3 eng/links/ordinary.py RESULTS.jsonl
Two sets were used (docs/links.md): the hosts of every http(s) URL in the installed packages' documentation, licences,
Python and Perl libraries and NuGet package metadata of the machine, and eng/links/near-brand-names.txt.
  grep -rhoIE 'https?://[A-Za-z0-9.-]+\\.[a-z]{2,}' /usr/share/doc /usr/lib/python3* /usr/share/perl* ~/.nuget/packages \\
    | sed -E 's#https?://##' | tr A-Z a-z | sed 's/\\.$//' | sort -u > /tmp/ordinary.txt
"""
import argparse, collections, json
ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('results')
a = ap.parse_args()
outs = [json.loads(l) for l in open(a.results, encoding='utf-8')]
verdicts = collections.Counter(o['verdict'] for o in outs)
print(f"{len(outs)} hosts, lookalike {verdicts['lookalike']} ({100 * verdicts['lookalike'] / max(len(outs), 1):.2f}%)", dict(verdicts))
for o in outs:
    if o['verdict'] == 'lookalike': print('  flagged', o['host'], o.get('broker'))
