#!/bin/bash
# bench-stack.sh: the stack numbers of docs/BENCHMARKS.md ("Stack"). Run from the repo
# root after `make build` (or OBOL=path/to/obol); GETH defaults to the one `make` caches.
# Needs hyperfine, curl, python3 and /usr/bin/time. Bounded: 5 runs of each, ~1 min.
set -u
O=${OBOL:-./bin/obol}; GETH=${GETH:-.cache/bin/geth}; D=/tmp/obol-bench-up; G=/tmp/geth-bench-up
FLAGS="--public-addr 127.0.0.1:0 --local-addr 127.0.0.1:0 --buyer-addr 127.0.0.1:0 --facilitator-addr 127.0.0.1:0 --chain-addr 127.0.0.1:0"
GP=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
# 1. cold start to ready: obol stack up --detach on a wiped data dir (keys, config, genesis, dev ETH
#    for two keys) vs geth --dev on a wiped datadir to its first JSON-RPC answer.
hyperfine --runs 5 --warmup 1 --export-json /tmp/bench-cold.json \
  --prepare "$O --data-dir $D stack down >/dev/null 2>&1; rm -rf $D" \
  --prepare "rm -rf $G" \
  --cleanup "$O --data-dir $D stack down >/dev/null 2>&1; rm -rf $D $G" \
  -n "obol stack up --detach (cold)" "$O --data-dir $D stack up --detach $FLAGS" \
  -n "geth --dev first answer (cold)" "internal/chain/scripts/first-answer.sh http://127.0.0.1:$GP $GETH --dev --http --http.addr 127.0.0.1 --http.port $GP --datadir $G --nodiscover --maxpeers 0 --ipcdisable"
# 2. warm restart: same data dir, stack down before each run.
$O --data-dir $D stack up --detach $FLAGS >/dev/null
hyperfine --runs 5 --export-json /tmp/bench-warm.json \
  --prepare "$O --data-dir $D stack down >/dev/null 2>&1" \
  -n "obol stack up --detach (restart)" "$O --data-dir $D stack up --detach $FLAGS"
# 3. idle RSS of the running stack, 10 s after it became ready.
PID=$(cat $D/run/obol.pid); sleep 10
grep -E 'VmRSS|VmHWM' /proc/$PID/status | sed "s/^/stack pid $PID /"
$O --data-dir $D stack down >/dev/null; rm -rf $D
# 4. obol demo wall time (chain + two stacks + the whole loop, then cleanup).
hyperfine --runs 5 --warmup 1 --export-json /tmp/bench-demo.json -n "obol demo -o json" "$O demo -o json"
/usr/bin/time -v $O demo -o json 2>&1 >/dev/null | grep -E 'Maximum resident|Elapsed'
uptime
