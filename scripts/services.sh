#!/usr/bin/env bash
# Installs (if missing), starts and stops the Redis and RabbitMQ that the tests talk to.
# Both listen on 127.0.0.1 only, on project ports so they never collide with a system instance.
#   scripts/services.sh start | stop | status | start-redis | stop-redis | restart-redis | start-rabbitmq | stop-rabbitmq | restart-rabbitmq
# Env: HC_REDIS_PORT (6380), HC_AMQP_PORT (5673). State and logs live in .run/ (git-ignored).
# Local clusters for scale-out tests and benchmarks (scripts/cluster.sh, which also has the fault verbs):
#   scripts/services.sh start-cluster | stop-cluster | cluster-status
# Redis Cluster on 127.0.0.1:7301-7306 (3 masters, 3 replicas), RabbitMQ nodes hcc-5721..5723@localhost on
# 5721-5723, state in .run/cluster/. The cluster verbs never stop or restart the single servers above.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN="$ROOT/.run"
DEFAULT_REDIS_PORT=6380
DEFAULT_AMQP_PORT=5673
REDIS_PORT=${HC_REDIS_PORT:-$DEFAULT_REDIS_PORT}
AMQP_PORT=${HC_AMQP_PORT:-$DEFAULT_AMQP_PORT}
# The default ports keep .run/redis and .run/rabbitmq (the fault tests find the servers there); another port gets a
# directory of its own, so a benchmark's servers (bench/sync: 6393/5693) and the test servers never share a pid file.
REDIS_DIR="$RUN/redis"; [ "$REDIS_PORT" = "$DEFAULT_REDIS_PORT" ] || REDIS_DIR="$RUN/redis-$REDIS_PORT"
RABBIT_DIR="$RUN/rabbitmq"; [ "$AMQP_PORT" = "$DEFAULT_AMQP_PORT" ] || RABBIT_DIR="$RUN/rabbitmq-$AMQP_PORT"
mkdir -p "$REDIS_DIR" "$RABBIT_DIR"
LOG_TAG=services
# shellcheck source=scripts/service-lib.sh
. "$ROOT/scripts/service-lib.sh"

start_redis() {
  if [ "$(timeout 2 redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; then return 0; fi
  # AOF on, fsync every write: the fault tests restart Redis and expect nothing lost.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$REDIS_DIR" \
    --appendonly yes --appendfsync always --save "" --pidfile "$REDIS_DIR/redis.pid" \
    --logfile "$REDIS_DIR/redis.log" --maxmemory-policy noeviction --hash-max-listpack-value 256
  wait_port "$REDIS_PORT" 20 redis
  # The port opens before the AOF is replayed; PING answers LOADING until then.
  local deadline=$((SECONDS + 30))
  until [ "$(timeout 2 redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; do
    if ((SECONDS >= deadline)); then log "redis did not answer PING within 30s"; return 1; fi
    sleep 0.2
  done
  log "redis on 127.0.0.1:$REDIS_PORT (AOF on)"
}

stop_redis() {
  # NOSAVE skips the RDB snapshot only; with appendfsync always every acknowledged write is already in the AOF.
  timeout 5 redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  wait_port_closed "$REDIS_PORT" 20 || { [ -f "$REDIS_DIR/redis.pid" ] && kill -9 "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true; }
}

rabbit_env() {
  rabbit_node_env "hc-$AMQP_PORT@localhost" "$AMQP_PORT" "$RABBIT_DIR"
  [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
}

rabbit_pid() {
  local pid=""
  [ -f "$RABBIT_DIR/rabbit.pid" ] && pid=$(cat "$RABBIT_DIR/rabbit.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

start_rabbitmq() {
  if (exec 3<>/dev/tcp/127.0.0.1/"$AMQP_PORT") 2>/dev/null; then wait_amqp "$AMQP_PORT" 60; return; fi
  rabbit_env
  render_rabbitmq_conf "$AMQP_PORT" "$RABBIT_DIR/rabbitmq.conf"
  # Run the server script directly: the /usr/sbin wrapper switches to the rabbitmq user and drops this environment.
  # setsid: the broker must not die with the shell (or test run) that started it.
  setsid nohup /usr/lib/rabbitmq/bin/rabbitmq-server > "$RABBIT_DIR/server.out" 2>&1 < /dev/null &
  echo $! > "$RABBIT_DIR/launcher.pid"
  wait_port "$AMQP_PORT" 120 rabbitmq || { tail -30 "$RABBIT_DIR/server.out" >&2; return 1; }
  wait_amqp "$AMQP_PORT" 60
  log "rabbitmq on 127.0.0.1:$AMQP_PORT (definitions from deploy/rabbitmq/definitions.json)"
}

stop_rabbitmq() {
  rabbit_env
  local pid launcher=""
  pid=$(rabbit_pid)
  [ -f "$RABBIT_DIR/launcher.pid" ] && launcher=$(cat "$RABBIT_DIR/launcher.pid" 2>/dev/null || true)
  # SIGTERM to the VM is a clean shutdown (rabbitmqctl cannot reach the node here).
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  # The listener closes first; wait for the VM itself to exit so a restart does not race its Mnesia/Ra files.
  if [ -n "$pid" ]; then
    local deadline=$((SECONDS + 60))
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then log "rabbitmq ($pid) still up after 60s: killing"; kill -9 "$pid" 2>/dev/null || true; break; fi
      sleep 0.2
    done
  fi
  wait_port_closed "$AMQP_PORT" 10 || true
  # Only our own launcher; epmd belongs to the system and is left alone.
  if [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then kill "$launcher" 2>/dev/null || true; fi
  rm -f "$RABBIT_DIR/launcher.pid"
}

status() {
  if [ "$(timeout 2 redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; then log "redis: up on $REDIS_PORT"; else log "redis: down"; fi
  if (exec 3<>/dev/tcp/127.0.0.1/"$AMQP_PORT") 2>/dev/null; then log "rabbitmq: up on $AMQP_PORT"; else log "rabbitmq: down"; fi
}

case "${1:-start}" in
  start) install_missing; start_redis; start_rabbitmq ;;
  status) status ;;
  stop) stop_rabbitmq; stop_redis ;;
  start-redis) start_redis ;;
  stop-redis) stop_redis ;;
  restart-redis) stop_redis; start_redis ;;
  start-rabbitmq) start_rabbitmq ;;
  stop-rabbitmq) stop_rabbitmq ;;
  restart-rabbitmq) stop_rabbitmq; start_rabbitmq ;;
  start-cluster) exec "$ROOT/scripts/cluster.sh" start ;;
  stop-cluster) exec "$ROOT/scripts/cluster.sh" stop ;;
  cluster-status) exec "$ROOT/scripts/cluster.sh" status ;;
  *) echo "usage: $0 start|stop|status|start-redis|stop-redis|restart-redis|start-rabbitmq|stop-rabbitmq|restart-rabbitmq|start-cluster|stop-cluster|cluster-status" >&2; exit 2 ;;
esac
