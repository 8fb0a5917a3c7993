#!/usr/bin/env bash
# Installs (if missing), starts and stops the Redis and RabbitMQ that the tests talk to.
# Both listen on 127.0.0.1 only, on project ports so they never collide with a system instance.
#   scripts/services.sh start | stop | restart-redis | restart-rabbitmq | stop-redis | start-redis
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN="$ROOT/.run"
REDIS_PORT=${HC_REDIS_PORT:-6380}
AMQP_PORT=${HC_AMQP_PORT:-5673}
mkdir -p "$RUN/redis" "$RUN/rabbitmq"

log() { printf '[services] %s\n' "$*" >&2; }

# Polls until a TCP port answers, or fails after the deadline.
wait_port() {
  local port=$1 seconds=$2 what=$3 deadline=$((SECONDS + $2))
  until (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do
    if ((SECONDS >= deadline)); then log "$what did not open port $port within ${seconds}s"; return 1; fi
    sleep 0.2
  done
}

wait_port_closed() {
  local port=$1 deadline=$((SECONDS + $2))
  while (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do
    if ((SECONDS >= deadline)); then log "port $port still open after $2s"; return 1; fi
    sleep 0.2
  done
}

install_missing() {
  local need=()
  command -v redis-server >/dev/null || need+=(redis-server)
  command -v rabbitmq-server >/dev/null || need+=(rabbitmq-server)
  if ((${#need[@]})); then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -qq
    timeout 900 apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  # The Debian packages start system instances where an init system exists; ours run on their own ports.
}

start_redis() {
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then return 0; fi
  # AOF on, fsync every write: the fault tests restart Redis and expect nothing lost.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$RUN/redis" \
    --appendonly yes --appendfsync always --save "" --pidfile "$RUN/redis/redis.pid" \
    --logfile "$RUN/redis/redis.log" --maxmemory-policy noeviction
  wait_port "$REDIS_PORT" 20 redis
  log "redis on 127.0.0.1:$REDIS_PORT"
}

stop_redis() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  wait_port_closed "$REDIS_PORT" 20 || { [ -f "$RUN/redis/redis.pid" ] && kill -9 "$(cat "$RUN/redis/redis.pid")" 2>/dev/null || true; }
}

rabbit_env() {
  export RABBITMQ_NODENAME=hc@localhost
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$AMQP_PORT
  export RABBITMQ_DIST_PORT=$((AMQP_PORT + 20000))
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$RUN/rabbitmq/mnesia"
  export RABBITMQ_LOG_BASE="$RUN/rabbitmq/log"
  export RABBITMQ_PID_FILE="$RUN/rabbitmq/rabbit.pid"
  export RABBITMQ_CONFIG_FILE="$ROOT/deploy/rabbitmq/rabbitmq"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RUN/rabbitmq/enabled_plugins"
  export HOME="$RUN/rabbitmq"   # the Erlang cookie lives here
  [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
}

start_rabbitmq() {
  if (exec 3<>/dev/tcp/127.0.0.1/"$AMQP_PORT") 2>/dev/null; then return 0; fi
  rabbit_env
  # Definitions (exchange, per-region users and their topic permissions) are loaded at boot.
  export HC_RABBIT_DEFINITIONS="$ROOT/deploy/rabbitmq/definitions.json"
  nohup rabbitmq-server > "$RUN/rabbitmq/server.out" 2>&1 &
  echo $! > "$RUN/rabbitmq/launcher.pid"
  wait_port "$AMQP_PORT" 120 rabbitmq || { tail -30 "$RUN/rabbitmq/server.out" >&2; return 1; }
  log "rabbitmq on 127.0.0.1:$AMQP_PORT"
}

stop_rabbitmq() {
  rabbit_env
  local pid=""
  [ -f "$RABBITMQ_PID_FILE" ] && pid=$(cat "$RABBITMQ_PID_FILE")
  [ -z "$pid" ] && pid=$(pgrep -f "beam.*-sname hc@localhost" | head -1 || true)
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  wait_port_closed "$AMQP_PORT" 60 || { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; }
  # epmd is left by the Erlang VM; stop it only if nothing else uses it.
  pgrep -f beam >/dev/null || pkill -x epmd 2>/dev/null || true
}

case "${1:-start}" in
  start) install_missing; start_redis; start_rabbitmq ;;
  stop) stop_rabbitmq; stop_redis ;;
  start-redis) start_redis ;;
  stop-redis) stop_redis ;;
  restart-redis) stop_redis; start_redis ;;
  start-rabbitmq) start_rabbitmq ;;
  stop-rabbitmq) stop_rabbitmq ;;
  restart-rabbitmq) stop_rabbitmq; start_rabbitmq ;;
  *) echo "usage: $0 start|stop|start-redis|stop-redis|restart-redis|start-rabbitmq|stop-rabbitmq|restart-rabbitmq" >&2; exit 2 ;;
esac
