#!/usr/bin/env bash
# first-answer.sh URL CMD [ARGS...]
#
# Starts CMD, polls eth_chainId at URL until it answers, then kills CMD
# (SIGKILL, so shutdown time is not counted). Run under hyperfine to measure
# time to first JSON-RPC answer; see docs/BENCHMARKS.md (Dev chain).
set -u
url=$1; shift
"$@" >/dev/null 2>&1 &
pid=$!
body='{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}'
until curl -sf -m 1 -H 'Content-Type: application/json' -d "$body" "$url" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "first-answer: $1 exited before answering" >&2
    exit 1
  fi
  sleep 0.002
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
