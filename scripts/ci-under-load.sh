#!/usr/bin/env bash
# The "green every time" check: RUNS consecutive fresh-clone `.ci/run`s of this checkout's HEAD, while a
# second fresh clone runs `pnpm test --force` over and over beside them (the load a developer's own test run,
# or a second CI job, puts on the same 2-core machine). Stops at the first red run.
#
#   bash scripts/ci-under-load.sh [RUNS]        # RUNS defaults to 3; logs go to $LOG_DIR (printed)
#
# Exit 0 only when every run is green. Every process it starts is stopped on exit, also on Ctrl-C.
set -euo pipefail
runs="${1:-3}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ci-under-load.XXXXXX")"
LOG_DIR="${LOG_DIR:-$work/logs}"
mkdir -p "$LOG_DIR"
commit="$(git -C "$repo" rev-parse --short HEAD)"
echo "ci-under-load: $runs runs of $commit; logs in $LOG_DIR"

load_pid=""
stop_load() {
  # the loop runs in its own session (setsid), so one signal to its group stops turbo, vitest and servers
  if [ -n "$load_pid" ] && kill -0 "$load_pid" 2>/dev/null; then
    kill -TERM -- "-$load_pid" 2>/dev/null || true
    wait "$load_pid" 2>/dev/null || true
  fi
  rm -rf "$work/load" "$work"/run-*
}
trap stop_load EXIT

git clone -q "$repo" "$work/load"
setsid bash -c '
  cd "$1"
  pnpm install --frozen-lockfile && pnpm run build || exit 1
  round=0
  while true; do
    round=$((round + 1))
    started=$SECONDS
    if pnpm test --force >"$2/load-round-$round.log" 2>&1; then result=green; else result=red; fi
    echo "load round $round: $result in $((SECONDS - started)) s"
  done
' load "$work/load" "$LOG_DIR" >"$LOG_DIR/load.log" 2>&1 &
load_pid=$!

for run in $(seq 1 "$runs"); do
  dir="$work/run-$run"
  git clone -q "$repo" "$dir"
  started=$SECONDS
  if (cd "$dir" && CI=true bash .ci/run </dev/null >"$LOG_DIR/run-$run.log" 2>&1); then
    echo "run $run: green in $((SECONDS - started)) s (load: $(tail -n 1 "$LOG_DIR/load.log" 2>/dev/null || echo starting))"
    grep '^ci: ' "$LOG_DIR/run-$run.log" | sed 's/^/  /'
  else
    echo "run $run: RED after $((SECONDS - started)) s; see $LOG_DIR/run-$run.log" >&2
    grep -E '^ci: | FAIL |failed' "$LOG_DIR/run-$run.log" | tail -n 20 >&2 || true
    exit 1
  fi
  rm -rf "$dir"
done
echo "ci-under-load: $runs of $runs runs green under load; load rounds: $(grep -c '^load round' "$LOG_DIR/load.log" || true)"
