#!/usr/bin/env bash
# Runs libFuzzer harnesses of the publish-fuzz binary, JOBS at a time, each
# for SECONDS, from its seed corpus in Tests/Fuzz/corpus (the harnesses
# that read Markdown share corpus/markdown). New corpus entries and any
# crasher go to a scratch folder, never to the seeds. Fails when any
# harness crashed, hung (-timeout) or ran out of memory (-rss_limit_mb),
# printing the crasher's path. Leak detection is off: LeakSanitizer cannot
# see a Swift pointer that carries an enum's tag in its spare bits, and
# reports objects that globals still hold.
#
#   run.sh BINARY SECONDS JOBS HARNESS...
# Extra libFuzzer flags: FUZZ_ARGS. Scratch folder: FUZZ_OUT (default: a
# new temporary folder, removed when every harness passed).
set -uo pipefail
binary=$1 seconds=$2 jobs=$3
shift 3
seeds=$(cd "$(dirname "$0")/corpus" && pwd)
out=${FUZZ_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/publish-fuzz.XXXXXX")}
mkdir -p "$out"
# A Swift runtime error goes straight to libFuzzer's signal handler: the
# Swift backtracer would otherwise take the crash and can hang the run.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}

one() {
  local harness=$1 dir="$out/$1" seed="$seeds/$1"
  [ -d "$seed" ] || seed="$seeds/markdown"
  mkdir -p "$dir/corpus" "$dir/crashes"
  # The scratch corpus first: libFuzzer adds what it finds to the first folder.
  PUBLISH_FUZZ=$harness "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="$dir/crashes/" -print_final_stats=1 ${FUZZ_ARGS:-} \
    "$dir/corpus" "$seed" > "$dir/log" 2>&1
  local status=$?
  local runs cov
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$dir/log" | tail -1)
  local crashers
  crashers=$(find "$dir/crashes" -type f | sort)
  if [ "$status" -eq 0 ] && [ -z "$crashers" ]; then
    echo "fuzz $harness: ${runs:-0} runs in ${seconds} s ($(( ${runs:-0} / seconds )) exec/s), ${cov:-cov: ?}, $(ls "$dir/corpus" | wc -l) new inputs: ok"
  else
    echo "fuzz $harness: FAILED (exit $status) after ${runs:-?} runs; log: $dir/log"
    grep -m3 -E '^==[0-9]+==ERROR|publish-fuzz:|Fatal error|ALARM|out-of-memory|deadly signal' "$dir/log" | sed 's/^/  /'
    for crasher in $crashers; do
      echo "  crasher: $crasher"
      echo "  reproduce: SWIFT_BACKTRACE=enable=no PUBLISH_FUZZ=$harness $binary $crasher"
    done
    touch "$out/failed"
  fi
}

running=0
for harness in "$@"; do
  one "$harness" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait
if [ -e "$out/failed" ]; then
  echo "fuzzing found crashes, hangs or memory blowups; inputs and logs are in $out" >&2
  exit 1
fi
[ -n "${FUZZ_OUT:-}" ] || rm -rf "$out"
exit 0
