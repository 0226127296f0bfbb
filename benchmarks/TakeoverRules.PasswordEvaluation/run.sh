#!/usr/bin/env bash
# Accuracy evaluation (synthetic corpus, then held-out RockYou frequency sets) of the password-strength estimator against zxcvbn 4.4.2 and zxcvbn-ts 4.2.0 (+ ja pack).
#   bash benchmarks/TakeoverRules.PasswordEvaluation/run.sh [OUT_DIR]
# Installs the pinned npm packages into this folder (node_modules is not committed), builds the corpus, scores it
# with the anchors (several minutes: zxcvbn-ts is slow), then with TakeoverRules, and prints the report.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../artifacts/password-eval}"
mkdir -p "$out"
(cd "$here" && npm install --no-audit --no-fund --silent)
node "$here/corpus.mjs" "$out"
dotnet run -c Release --project "$here" -- "$out"
# Held-out leak-frequency sets (weighted Spearman against zxcvbn 4.4.2): about a minute.
node "$here/leaks.mjs" "$out"
dotnet run -c Release --no-build --project "$here" -- --leaks "$out"
