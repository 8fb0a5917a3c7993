#!/usr/bin/env bash
# Status sync: the service's consumer vs a bare RabbitMQ.Client consumer (one Redis SET per message), same run, same
# broker, then publish→visible latency at a fixed rate (bench/sync/README.md).
#   bench/sync/run.sh     # COUNT=20000 PREFETCH=128 CONCURRENCY=64 RATE=2000 DURATION=20 LATENCY_WARMUP=5 ROUNDS=2 MODES="bare service latency"
# Starts its OWN Redis and RabbitMQ (scripts/services.sh on HC_REDIS_PORT=6393, HC_AMQP_PORT=5693: never the shared
# 6380/5673) and stops them at the end (KEEP_SERVERS=1 leaves them up for the next run). Builds Release; runs Codes.Api
# in Release/Production with Server GC and logging at Warning, as bench/verify/run.sh does. PREFETCH and CONCURRENCY
# go to both consumers (HealthCode:RabbitMq:PrefetchCount / :ConcurrentHandlers for the service). Any other
# HealthCode__* variable exported by the caller reaches the service too. Every wait has a deadline.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/sync"
COUNT=${COUNT:-20000}
PREFETCH=${PREFETCH:-128}
CONCURRENCY=${CONCURRENCY:-64}
RATE=${RATE:-2000}
SECONDS_AT_RATE=${DURATION:-20}
LATENCY_WARMUP=${LATENCY_WARMUP:-5}
ROUNDS=${ROUNDS:-2}
MODES=${MODES:-bare service latency}
REDIS_PORT=6393
AMQP_PORT=5693
PORT=${BENCH_PORT:-5097}
OUT="$ROOT/.run/bench-sync"
BENCH="$HERE/SyncBench/bin/Release/net10.0/SyncBench.dll"
GUEST="amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
REGION="amqp://region-310000:hc-test-310000@127.0.0.1:$AMQP_PORT/"
mkdir -p "$OUT"
log() { printf '[bench-sync] %s\n' "$*" >&2; }
services() { HC_REDIS_PORT=$REDIS_PORT HC_AMQP_PORT=$AMQP_PORT timeout 300 "$ROOT/scripts/services.sh" "$@"; }

command -v redis-cli >/dev/null || { log "redis-cli is missing (scripts/services.sh start installs redis)"; exit 1; }

started_services=""
service_pid=""
bench_pid=""
stop_service() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"; for _ in $(seq 1 100); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$service_pid" 2>/dev/null || true
  fi
  service_pid=""
}
cleanup() {
  set +e
  stop_service
  if [ -n "$bench_pid" ] && kill -0 "$bench_pid" 2>/dev/null; then kill "$bench_pid"; fi
  if [ "${KEEP_SERVERS:-0}" != 1 ]; then for s in $started_services; do services "stop-$s"; done; fi
}
trap cleanup EXIT

log "building Release"
timeout 900 dotnet build -c Release "$ROOT/src/Codes.Api/Codes.Api.csproj" -v q -nologo >/dev/null
timeout 900 dotnet build -c Release "$HERE/SyncBench/SyncBench.csproj" -v q -nologo >/dev/null

if [ "$(timeout 2 redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" != PONG ]; then services start-redis; started_services="redis"; fi
if ! (exec 3<>/dev/tcp/127.0.0.1/"$AMQP_PORT") 2>/dev/null; then services start-rabbitmq; started_services="rabbitmq $started_services"; fi

start_service() { # prefix
  (
    cd "$ROOT/src/Codes.Api/bin/Release/net10.0"
    export ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=${GC_SERVER:-1}
    export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
    export ConnectionStrings__RabbitMq="amqp://hc-service:hc-service-test@127.0.0.1:$AMQP_PORT/"
    export HealthCode__HolderSecret="bench-holder-secret-0123456789abcdef"
    export HealthCode__Redis__KeyPrefix="$1"
    export HealthCode__SeedSamples=false
    export HealthCode__RabbitMq__PrefetchCount="$PREFETCH" HealthCode__RabbitMq__ConcurrentHandlers="$CONCURRENCY"
    export Logging__LogLevel__Default=Warning
    exec dotnet Codes.Api.dll --urls "http://127.0.0.1:$PORT"
  ) >> "$OUT/service.log" 2>&1 &
  service_pid=$!
}

wait_ready() {
  local deadline=$((SECONDS + 90))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" = 200 ]; do
    if ((SECONDS >= deadline)) || ! kill -0 "$service_pid" 2>/dev/null; then log "service not ready"; tail -20 "$OUT/service.log" >&2; return 1; fi
    sleep 0.2
  done
}

: > "$OUT/results.txt"
: > "$OUT/service.log"
for round in $(seq 1 "$ROUNDS"); do
  # The bench's own Redis: each round starts empty, so no round reads another's statuses or ledger.
  timeout 30 redis-cli -p "$REDIS_PORT" flushall >/dev/null
  prefix="hcs:$round:"
  log "round $round (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [[ " $MODES " == *" bare "* ]]; then
    log "bare: $COUNT events, prefetch $PREFETCH, concurrency $CONCURRENCY"
    timeout 600 dotnet "$BENCH" bare --amqp "$GUEST" --redis "127.0.0.1:$REDIS_PORT" --count "$COUNT" \
      --prefetch "$PREFETCH" --concurrency "$CONCURRENCY" | tee -a "$OUT/results.txt"
  fi
  if [[ " $MODES " == *" service "* ]]; then
    signal="$OUT/published.$round"; rm -f "$signal" "$signal.pid"
    log "service: pre-publishing $COUNT events to hc.status, then starting Codes.Api"
    timeout 900 dotnet "$BENCH" service --publish-amqp "$REGION" --amqp "$GUEST" --redis "127.0.0.1:$REDIS_PORT" \
      --prefix "$prefix" --count "$COUNT" --signal "$signal" --pid-file "$signal.pid" --prefetch "$PREFETCH" --concurrency "$CONCURRENCY" \
      > "$OUT/service-result.$round" &
    bench_pid=$!
    deadline=$((SECONDS + 300))
    until [ -f "$signal" ]; do
      if ((SECONDS >= deadline)) || ! kill -0 "$bench_pid" 2>/dev/null; then log "the pre-publish did not finish"; exit 1; fi
      sleep 0.2
    done
    start_service "$prefix"
    echo "$service_pid" > "$signal.pid"
    wait "$bench_pid" || { log "service drain failed"; tail -20 "$OUT/service.log" >&2; exit 1; }
    bench_pid=""
    tee -a "$OUT/results.txt" < "$OUT/service-result.$round"
  fi
  if [[ " $MODES " == *" latency "* ]]; then
    [ -n "$service_pid" ] || start_service "$prefix"
    wait_ready
    log "latency: $RATE events/s for $SECONDS_AT_RATE s"
    timeout 600 dotnet "$BENCH" latency --publish-amqp "$REGION" --redis "127.0.0.1:$REDIS_PORT" --prefix "$prefix" \
      --rate "$RATE" --seconds "$SECONDS_AT_RATE" --warmup "$LATENCY_WARMUP" | tee -a "$OUT/results.txt" || log "not every event became visible within the deadline (visible=, p99_ms=inf)"
  fi
  stop_service
done

field() { sed -n "s/.* $1=\([0-9.a-zN]*\).*/\1/p"; }  # numbers, NaN, inf
printf '\n%-6s %10s %12s %6s %14s %17s %9s %9s %9s\n' round bare_rate service_rate ratio bare_cpu_ms/ev service_cpu_ms/ev p50_ms p99_ms max_ms
for round in $(seq 1 "$ROUNDS"); do
  bare_line=$(grep 'mode=bare' "$OUT/results.txt" | sed -n "${round}p" || true)
  service_line=$(grep 'mode=service' "$OUT/results.txt" | sed -n "${round}p" || true)
  bare=$(field rate <<< "$bare_line")
  service=$(field rate <<< "$service_line")
  latency=$(grep 'mode=latency' "$OUT/results.txt" | sed -n "${round}p" || true)
  ratio=$(awk -v s="${service:-0}" -v b="${bare:-0}" 'BEGIN { if (b > 0 && s > 0) printf "%.2f", s / b; else print "-" }')
  printf '%-6s %10s %12s %6s %14s %17s %9s %9s %9s\n' "$round" "${bare:--}" "${service:--}" "$ratio" \
    "$(field cpu_ms_per_event <<< "$bare_line")" "$(field cpu_ms_per_event <<< "$service_line")" \
    "$(field p50_ms <<< "$latency")" "$(field p99_ms <<< "$latency")" "$(field max_ms <<< "$latency")"
done
log "raw results: $OUT/results.txt (steady_rate = the 20 %–80 % part of each drain); service log: $OUT/service.log"
