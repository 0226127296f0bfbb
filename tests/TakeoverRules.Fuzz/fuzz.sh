#!/usr/bin/env bash
# Fuzzes TakeoverRules' untrusted-input readers with AFL++ (Debian package afl++) through SharpFuzz.
#   tests/TakeoverRules.Fuzz/fuzz.sh [seconds-per-target] [target...]
# Targets: events instruments snapshot facts password (default: all, 60 s each). Findings (crashes, hangs) are
# written to artifacts/fuzz/<target>/default/{crashes,hangs}; replay one with
#   dotnet artifacts/fuzz/bin/TakeoverRules.Fuzz.dll replay <target> <file>
# The script exits 1 when any target found a crash or a hang, after fuzzing every target; targets listed in
# FUZZ_REPORT_ONLY (space-separated) have their findings printed without failing the run (a known, owned bug).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(events instruments snapshot facts password)
here=tests/TakeoverRules.Fuzz
out=${FUZZ_OUT:-artifacts/fuzz}
command -v afl-fuzz >/dev/null || { echo "error: afl-fuzz not found (apt-get install afl++)"; exit 2; }

# A separate publish folder: SharpFuzz rewrites TakeoverRules.dll in place, which must never reach the test builds.
# Published afresh each run (sharpfuzz refuses an already instrumented assembly); the queues next to it are kept.
rm -rf "$out/bin"
dotnet publish "$here" -c Release -o "$out/bin" --nologo -v quiet
dotnet tool restore >/dev/null
dotnet sharpfuzz "$out/bin/TakeoverRules.dll" TakeoverRules

# dotnet itself is not AFL-instrumented (SharpFuzz reports coverage from the rewritten assembly); the CPU is shared,
# so no core pinning and no frequency check; no core dumps are configured on a CI machine.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
export DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0
found=0
for target in "${targets[@]}"; do
  mkdir -p "$out/$target"
  # Resume a previous run's queue when there is one ("-i -"), so repeated runs add up.
  input="$here/corpus/$target"
  [ -f "$out/$target/default/fuzzer_stats" ] && input=-
  echo "=== fuzz $target for ${seconds}s"
  # Now and then AFL++ reads an empty coverage map at its dry run ("No instrumentation detected") although the same
  # seeds run instrumented a moment later (seen on the snapshot and password targets, at high and low load alike;
  # cause not understood): that one abort is retried, up to three attempts; any other failure stops the script.
  ran=0
  for attempt in 1 2 3; do
    if nice -n 10 afl-fuzz -i "$input" -o "$out/$target" -t 10000 -m none -V "$seconds" \
      -- dotnet "$out/bin/TakeoverRules.Fuzz.dll" afl "$target" > "$out/$target/afl.log" 2>&1; then
      ran=1
      break
    fi
    grep -q "No instrumentation detected" "$out/$target/afl.log" || break
    echo "fuzz $target: AFL++ saw no coverage at its dry run (attempt $attempt of 3)"
    # A fresh run's aborted output holds no findings; a resumed run (-i -) keeps its queue.
    [ "$input" = - ] || rm -rf "$out/$target/default"
  done
  [ "$ran" -eq 1 ] || {
    echo "error: afl-fuzz failed for $target; last lines of $out/$target/afl.log:"; tail -20 "$out/$target/afl.log"; exit 2; }
  stats="$out/$target/default/fuzzer_stats"
  execs=$(awk '$1 == "execs_done" { print $3 }' "$stats")
  crashes=$(find "$out/$target/default/crashes" -type f -name 'id:*' | wc -l)
  hangs=$(find "$out/$target/default/hangs" -type f -name 'id:*' | wc -l)
  echo "fuzz $target: $execs executions in total, $crashes crashes, $hangs hangs"
  if [ "$crashes" -ne 0 ] || [ "$hangs" -ne 0 ]; then
    if [[ " ${FUZZ_REPORT_ONLY:-} " == *" $target "* ]]; then
      echo "fuzz $target: findings reported only (FUZZ_REPORT_ONLY); see $out/$target/default/crashes"
    else
      found=1
    fi
  fi
done
exit "$found"
