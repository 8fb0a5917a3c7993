#!/usr/bin/env bash
# Redis memory per cached status: starts an empty Redis (same settings as scripts/services.sh, no persistence),
# writes STATUSES statuses through the service's RedisStatusStore, prints INFO used_memory before/after per status,
# and stops that Redis.   bench/memory/run.sh     # STATUSES=1000000 PORT=6395
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STATUSES=${STATUSES:-1000000}
PORT=${PORT:-6395}
DIR=$(mktemp -d)
cleanup() {
  timeout 10 redis-cli -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
timeout 600 dotnet build -c Release "$ROOT/bench/memory/MemoryBench" -v q -nologo >/dev/null
redis-server --port "$PORT" --bind 127.0.0.1 --daemonize yes --dir "$DIR" --save "" --appendonly no \
  --logfile "$DIR/redis.log" --maxmemory-policy noeviction --hash-max-listpack-value 256
deadline=$((SECONDS + 20))
until [ "$(timeout 2 redis-cli -p "$PORT" ping 2>/dev/null)" = PONG ]; do
  ((SECONDS < deadline)) || { echo "redis did not start on $PORT" >&2; exit 1; }
  sleep 0.2
done
timeout 1200 dotnet "$ROOT/bench/memory/MemoryBench/bin/Release/net10.0/MemoryBench.dll" "127.0.0.1:$PORT" "$STATUSES" "$@"
