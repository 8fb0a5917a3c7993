#!/usr/bin/env bash
# Verify vs a bare one-GET endpoint, same run, same machine (loopback only, bounded durations).
#   bench/verify/run.sh            # CODES=10000 CONNECTIONS=64 DURATION=15s WARMUP=5s ROUNDS=1 DIAG=0 CLUSTER=0
# DIAG=1 also runs /bench/store-get (the store's Lua lookup without auth, validation or policy) to split verify's cost.
# Builds Release, starts Redis/RabbitMQ via scripts/services.sh if they are not up, starts Codes.Api (Release,
# Production, Server GC, logging at Warning, HealthCode:Benchmark:BareEndpoint=true), seeds CODES codes through
# RabbitMQ as region 310000 would (every tenth holder holds 2 or 3 codes, so about a fifth of the verifies also read the
# holder index), waits until the service is idle (at most 30 s), warms up, runs wrk against POST /v1/verify and POST /bench/redis-get with codes picked uniformly,
# prints rps / p50 / p99, the service's CPU time and allocated bytes per request of both and verify/bare, then stops
# what it started and deletes its keys. On a shared machine compare ratios, cpu_us and alloc_b, not absolute rps.
# CLUSTER=1 points Codes.Api at the Redis Cluster in HC_BENCH_REDIS_CLUSTER (e.g. 127.0.0.1:7301,...,127.0.0.1:7306,
# started beforehand, e.g. by scripts/services.sh start-cluster) and starts no Redis; keys are cleaned on every master.
# Needs wrk (apt-get install -y wrk) and redis-cli. Another Codes.Api in real mode on the same broker would share
# hc.status.ingest: run this alone.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/verify"
CODES=${CODES:-10000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-1}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
ROUNDS=${ROUNDS:-1}
REDIS_PORT=${HC_REDIS_PORT:-6380}
AMQP_PORT=${HC_AMQP_PORT:-5673}
CLUSTER=${CLUSTER:-0}
if [ "$CLUSTER" = 1 ]; then
  REDIS=${HC_BENCH_REDIS_CLUSTER:?CLUSTER=1 needs HC_BENCH_REDIS_CLUSTER=host:port,host:port,...}
else
  REDIS="127.0.0.1:$REDIS_PORT"
fi
IFS=, read -ra REDIS_NODES <<< "$REDIS"
PORT=${BENCH_PORT:-5098}
RUN=$(printf '%08d' $((RANDOM * 32768 + RANDOM)) | tail -c 8)
PREFIX="hcb:$RUN:"
KEY="bench-checkpoint-key-$RUN"
OUT="$ROOT/.run/bench"
mkdir -p "$OUT"
log() { printf '[bench] %s\n' "$*" >&2; }

command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
command -v redis-cli >/dev/null || { log "redis-cli is missing (scripts/services.sh start installs redis)"; exit 1; }

# Key by key (UNLINK, one slot each: a multi-key DEL would cross slots in a cluster) on every master, pipelined as
# RESP (redis-cli --pipe) so an AOF with fsync always syncs per batch, not per key.
delete_keys() {
  local node host port
  for node in "${REDIS_NODES[@]}"; do
    host=${node%:*} port=${node##*:}
    [ "$(timeout 2 redis-cli -h "$host" -p "$port" ping 2>/dev/null)" = PONG ] || continue
    [ "$(timeout 2 redis-cli -h "$host" -p "$port" role 2>/dev/null | head -1)" = master ] || continue
    timeout 60 redis-cli -h "$host" -p "$port" --scan --pattern "${PREFIX}*" |
      LC_ALL=C awk '{ printf "*2\r\n$6\r\nUNLINK\r\n$%d\r\n%s\r\n", length($0), $0 }' |
      timeout 120 redis-cli -h "$host" -p "$port" --pipe >/dev/null
  done
}

started_services=""
service_pid=""
cleanup() {
  set +e
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"; for _ in $(seq 1 50); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$service_pid" 2>/dev/null
  fi
  delete_keys
  for s in $started_services; do "$ROOT/scripts/services.sh" "stop-$s"; done
}
trap cleanup EXIT

log "building Release"
timeout 600 dotnet build -c Release "$ROOT/src/Codes.Api/Codes.Api.csproj" -v q -nologo >/dev/null
timeout 600 dotnet build -c Release "$HERE/seed/Seed.csproj" -v q -nologo >/dev/null

if [ "$CLUSTER" != 1 ] && [ "$(timeout 2 redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" != PONG ]; then
  HC_REDIS_PORT=$REDIS_PORT "$ROOT/scripts/services.sh" start-redis; started_services="$started_services redis"
fi
if ! (exec 3<>/dev/tcp/127.0.0.1/"$AMQP_PORT") 2>/dev/null; then
  HC_AMQP_PORT=$AMQP_PORT "$ROOT/scripts/services.sh" start-rabbitmq; started_services="rabbitmq $started_services"
fi

log "starting Codes.Api on 127.0.0.1:$PORT (Redis $REDIS, key prefix $PREFIX)"
(
  cd "$ROOT/src/Codes.Api/bin/Release/net10.0"
  export ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1
  export ConnectionStrings__Redis="$REDIS"
  export ConnectionStrings__RabbitMq="amqp://hc-service:hc-service-test@127.0.0.1:$AMQP_PORT/"
  export HealthCode__HolderSecret="bench-holder-secret-0123456789abcdef"
  export HealthCode__Redis__KeyPrefix="$PREFIX"
  export HealthCode__SeedSamples=false
  export HealthCode__Benchmark__BareEndpoint=true
  export HealthCode__RateLimit__PermitsPerSecond=1000000
  export Auth__ApiKeys__bench__Key="$KEY" Auth__ApiKeys__bench__Roles__0=checkpoint
  export Logging__LogLevel__Default=Warning
  exec dotnet Codes.Api.dll --urls "http://127.0.0.1:$PORT"
) > "$OUT/service.log" 2>&1 &
service_pid=$!
deadline=$((SECONDS + 60))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" = 200 ]; do
  if ((SECONDS >= deadline)) || ! kill -0 "$service_pid" 2>/dev/null; then log "service not ready"; tail -20 "$OUT/service.log" >&2; exit 1; fi
  sleep 0.2
done

log "seeding $CODES codes over RabbitMQ"
timeout 300 dotnet "$HERE/seed/bin/Release/net10.0/Seed.dll" "amqp://region-310000:hc-test-310000@127.0.0.1:$AMQP_PORT/" "$RUN" "$CODES"
# Counted from the service's own ingestion metric, not from Redis keys: whatever the store layout or the topology.
applied() {
  curl -s --max-time 5 "http://127.0.0.1:$PORT/metrics" |
    awk '/^hc_ingestion_events_total[{]/ && /outcome="applied"/ { s += $NF } END { printf "%d", s }'
}
deadline=$((SECONDS + 180))
while :; do
  stored=$(applied)
  [ "$stored" -ge "$CODES" ] && break
  if ((SECONDS >= deadline)); then log "only $stored of $CODES codes applied after 180 s"; exit 1; fi
  sleep 1
done
log "$stored codes applied"

body=$(printf '{"code":"SH%s%010d","checkpoint":{"region":"310000","scene":"general","id":"bench-gate"}}' "$RUN" $((CODES - 1)))
verify=$(curl -s -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT/v1/verify")
bare=$(curl -s -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT/bench/redis-get")
log "verify answers: $verify"
log "bare answers: $bare"
case "$verify" in *'"decision":"accept"'*) ;; *) log "a seeded green code must be accepted"; exit 1 ;; esac
case "$bare" in *'"length":0'*|'') log "the bare endpoint must find the key"; exit 1 ;; esac

# The service's user+system CPU time in microseconds: per request it tells the two endpoints apart even when other
# work on the machine moves rps around.
# Allocated bytes (the runtime's counter on /metrics) per request: the same on a busy machine as on an idle one.
cpu_us() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1e6 / hz }' "/proc/$service_pid/stat"; }
allocated() {
  curl -s --max-time 5 "http://127.0.0.1:$PORT/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total/ { printf "%.0f", $NF }'
}
bench() { # path key duration
  local cpu0 alloc0 line requests
  cpu0=$(cpu_us) alloc0=$(allocated)
  line=$(BENCH_RUN=$RUN BENCH_CODES=$CODES BENCH_PATH=$1 BENCH_KEY=$2 \
    timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" -s "$HERE/verify.lua" "http://127.0.0.1:$PORT" | grep '^RESULT')
  requests=$(printf '%s' "$line" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')
  printf '%s cpu_us=%s alloc_b=%s\n' "$line" \
    "$(awk -v c="$(( $(cpu_us) - cpu0 ))" -v n="$requests" 'BEGIN { printf "%.0f", (n > 0 ? c / n : 0) }')" \
    "$(awk -v a="$(( $(allocated) - alloc0 ))" -v n="$requests" 'BEGIN { printf "%.0f", (n > 0 ? a / n : 0) }')"
}
# Wait (at most 30 s) until the service is idle: the seeding burst leaves one to two seconds of work behind (the
# runtime compiling the ingestion path's hot methods at tier 1: with DOTNET_TieredCompilation=0 there is none), which
# would otherwise be charged to the endpoint measured first.
settled=""
waited=0
for _ in $(seq 1 30); do
  waited=$((waited + 1))
  idle0=$(cpu_us); sleep 1; busy=$(( ($(cpu_us) - idle0) / 1000 ))
  if [ "$busy" -lt 100 ]; then settled=1; break; fi
done
log "after seeding: $busy ms CPU in the last second${settled:+ (settled after $waited s)}"
log "warm-up $WARMUP each"
bench /v1/verify "$KEY" "$WARMUP" >/dev/null
bench /bench/redis-get "" "$WARMUP" >/dev/null

results=()
for round in $(seq 1 "$ROUNDS"); do
  log "round $round: wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
  results+=("$(bench /v1/verify "$KEY" "$DURATION")")
  results+=("$(bench /bench/redis-get "" "$DURATION")")
  if [ "${DIAG:-0}" = 1 ]; then results+=("$(bench /bench/store-get "" "$DURATION")"); fi
done
printf '%s\n' "${results[@]}" | tee "$OUT/results.txt"

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
verify_rps=$(printf '%s\n' "${results[@]}" | grep 'path=/v1/verify' | field rps | awk '{s+=$1} END {printf "%.0f", s/NR}')
bare_rps=$(printf '%s\n' "${results[@]}" | grep 'path=/bench/redis-get' | field rps | awk '{s+=$1} END {printf "%.0f", s/NR}')
verify_p99=$(printf '%s\n' "${results[@]}" | grep 'path=/v1/verify' | field p99_ms | awk '{s+=$1} END {printf "%.2f", s/NR}')
bare_p99=$(printf '%s\n' "${results[@]}" | grep 'path=/bench/redis-get' | field p99_ms | awk '{s+=$1} END {printf "%.2f", s/NR}')
verify_cpu=$(printf '%s\n' "${results[@]}" | grep 'path=/v1/verify' | field cpu_us | awk '{s+=$1} END {printf "%.0f", s/NR}')
bare_cpu=$(printf '%s\n' "${results[@]}" | grep 'path=/bench/redis-get' | field cpu_us | awk '{s+=$1} END {printf "%.0f", s/NR}')
verify_alloc=$(printf '%s\n' "${results[@]}" | grep 'path=/v1/verify' | field alloc_b | awk '{s+=$1} END {printf "%.0f", s/NR}')
bare_alloc=$(printf '%s\n' "${results[@]}" | grep 'path=/bench/redis-get' | field alloc_b | awk '{s+=$1} END {printf "%.0f", s/NR}')
printf 'SUMMARY codes=%s connections=%s duration=%s rounds=%s cluster=%s verify_rps=%s bare_rps=%s ratio_rps=%s verify_p99_ms=%s bare_p99_ms=%s ratio_p99=%s verify_cpu_us=%s bare_cpu_us=%s verify_alloc_b=%s bare_alloc_b=%s\n' \
  "$CODES" "$CONNECTIONS" "$DURATION" "$ROUNDS" "$CLUSTER" "$verify_rps" "$bare_rps" \
  "$(awk -v v="$verify_rps" -v b="$bare_rps" 'BEGIN {printf "%.2f", v/b}')" "$verify_p99" "$bare_p99" \
  "$(awk -v v="$verify_p99" -v b="$bare_p99" 'BEGIN {printf "%.2f", v/b}')" "$verify_cpu" "$bare_cpu" "$verify_alloc" "$bare_alloc" | tee -a "$OUT/results.txt"
grep -E 'non2xx=[1-9]|socket_errors=[1-9]' "$OUT/results.txt" >/dev/null && log "some requests failed: see non2xx / socket_errors above"
exit 0
