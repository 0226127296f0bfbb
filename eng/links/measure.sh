#!/usr/bin/env bash
# Measures `takeover link` on generated look-alikes and on ordinary hosts (see docs/links.md, "Held-out check").
#   bash eng/links/measure.sh [OUT_DIR] [TWIST_PY]
# OUT_DIR defaults to /tmp/links-measure; TWIST_PY is an optional further generator run as `python3 TWIST_PY facts.json`
# that prints kind TAB official TAB host.
set -u
cd "$(dirname "$0")/../.."
out=${1:-/tmp/links-measure}; twist=${2:-}
mkdir -p "$out"
dotnet build src/TakeoverRules.Cli/TakeoverRules.Cli.csproj -c Release > "$out/build.log" 2>&1 || { tail -5 "$out/build.log"; exit 1; }
link() { dotnet src/TakeoverRules.Cli/bin/Release/net10.0/takeover.dll link --stdin --format json; }
python3 eng/links/fuzz.py --seed 7 > "$out/fuzz7.tsv"
python3 eng/links/fuzz.py --seed 2026 > "$out/fuzz2026.tsv"
python3 eng/links/fuzz.py --seed 99 --kinds dictionary \
  --words kakunin,ssl,pass,id,otp,smart,mobile,news,system,net,home,bank,card,pay,point,plus,trade,direct,client,safe,sp,pc,go,access,renew,reset,identity,secure-login,my-page,log-in \
  > "$out/other-words.tsv"
sets="fuzz7 fuzz2026 other-words"
if [ -n "$twist" ]; then python3 "$twist" src/TakeoverRules/Facts/Data/facts.json > "$out/twist.tsv"; sets="$sets twist"; fi
for s in $sets; do
  cut -f3 "$out/$s.tsv" | link > "$out/$s.jsonl"
  echo "== $s: $(python3 eng/links/score.py "$out/$s.tsv" "$out/$s.jsonl" | sed -n 1p)"
done
link < eng/links/near-brand-names.txt > "$out/near.jsonl"; echo "== near-brand-names: $(python3 eng/links/ordinary.py "$out/near.jsonl" | sed -n 1p)"
grep -rhoIE 'https?://[A-Za-z0-9.-]+\.[a-z]{2,}' /usr/share/doc /usr/lib/python3* /usr/share/perl* ~/.nuget/packages 2>/dev/null \
  | sed -E 's#https?://##' | tr A-Z a-z | sed 's/\.$//' | sort -u > "$out/ordinary.txt"
link < "$out/ordinary.txt" > "$out/ordinary.jsonl"; echo "== ordinary (URLs in installed docs): $(python3 eng/links/ordinary.py "$out/ordinary.jsonl" | sed -n 1p)"
