#!/usr/bin/env bash
# Installs (if missing), starts and stops the Redis and RabbitMQ that the tests talk to.
# Both listen on 127.0.0.1 only, on project ports so they never collide with a system instance.
#   scripts/services.sh start | stop | status | start-redis | stop-redis | restart-redis | start-rabbitmq | stop-rabbitmq | restart-rabbitmq
# Env: HC_REDIS_PORT (6380), HC_AMQP_PORT (5673). State and logs live in .run/ (git-ignored).
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
  # Asked of dpkg, not PATH: /usr/sbin is not on every CI user's PATH.
  dpkg -s redis-server >/dev/null 2>&1 || need+=(redis-server)
  dpkg -s rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
  if ((${#need[@]})); then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -qq
    timeout 900 apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  # The Debian packages start system instances where an init system exists; ours run on their own ports.
}

start_redis() {
  if [ "$(timeout 2 redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; then return 0; fi
  # AOF on, fsync every write: the fault tests restart Redis and expect nothing lost.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$RUN/redis" \
    --appendonly yes --appendfsync always --save "" --pidfile "$RUN/redis/redis.pid" \
    --logfile "$RUN/redis/redis.log" --maxmemory-policy noeviction --hash-max-listpack-value 256
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
  wait_port_closed "$REDIS_PORT" 20 || { [ -f "$RUN/redis/redis.pid" ] && kill -9 "$(cat "$RUN/redis/redis.pid")" 2>/dev/null || true; }
}

rabbit_env() {
  export RABBITMQ_NODENAME=hc-$AMQP_PORT@localhost
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$AMQP_PORT
  export RABBITMQ_DIST_PORT=$((AMQP_PORT + 20000))
  # Erlang distribution on loopback too (it listens on every interface by default).
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$RUN/rabbitmq/mnesia"
  export RABBITMQ_LOG_BASE="$RUN/rabbitmq/log"
  export RABBITMQ_PID_FILE="$RUN/rabbitmq/rabbit.pid"
  # The conf is rendered from deploy/rabbitmq/rabbitmq.conf: load_definitions needs an absolute path.
  export RABBITMQ_CONFIG_FILE="$RUN/rabbitmq/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RUN/rabbitmq/enabled_plugins"
  export HOME="$RUN/rabbitmq"   # the Erlang cookie lives here
  [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
}

render_rabbitmq_conf() {
  local defs="$ROOT/deploy/rabbitmq/definitions.json"
  [ -f "$defs" ] || { log "missing $defs (run deploy/rabbitmq/generate-definitions.sh)"; return 1; }
  sed -e "s|@DEFINITIONS_FILE@|$defs|" -e "s|@AMQP_PORT@|$AMQP_PORT|" \
    "$ROOT/deploy/rabbitmq/rabbitmq.conf" > "$RUN/rabbitmq/rabbitmq.conf"
}

# The port opens a little before the boot steps finish (definitions, queues): wait for a real AMQP handshake.
wait_amqp() {
  local seconds=$1 deadline=$((SECONDS + $1)) reply
  while :; do
    reply=$( (exec 3<>/dev/tcp/127.0.0.1/"$AMQP_PORT" && printf 'AMQP\x00\x00\x09\x01' >&3 \
      && timeout 2 head -c 8 <&3 | od -An -tx1 | tr -d ' \n') 2>/dev/null || true)
    # connection.start frame: type 1, channel 0
    [[ $reply == 010000* ]] && return 0
    if ((SECONDS >= deadline)); then log "rabbitmq did not answer AMQP on $AMQP_PORT within ${seconds}s"; return 1; fi
    sleep 0.5
  done
}

rabbit_pid() {
  local pid=""
  [ -f "$RUN/rabbitmq/rabbit.pid" ] && pid=$(cat "$RUN/rabbitmq/rabbit.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

start_rabbitmq() {
  if (exec 3<>/dev/tcp/127.0.0.1/"$AMQP_PORT") 2>/dev/null; then wait_amqp 60; return; fi
  rabbit_env
  render_rabbitmq_conf
  # Run the server script directly: the /usr/sbin wrapper switches to the rabbitmq user and drops this environment.
  # setsid: the broker must not die with the shell (or test run) that started it.
  setsid nohup /usr/lib/rabbitmq/bin/rabbitmq-server > "$RUN/rabbitmq/server.out" 2>&1 < /dev/null &
  echo $! > "$RUN/rabbitmq/launcher.pid"
  wait_port "$AMQP_PORT" 120 rabbitmq || { tail -30 "$RUN/rabbitmq/server.out" >&2; return 1; }
  wait_amqp 60
  log "rabbitmq on 127.0.0.1:$AMQP_PORT (definitions from deploy/rabbitmq/definitions.json)"
}

stop_rabbitmq() {
  rabbit_env
  local pid launcher=""
  pid=$(rabbit_pid)
  [ -f "$RUN/rabbitmq/launcher.pid" ] && launcher=$(cat "$RUN/rabbitmq/launcher.pid" 2>/dev/null || true)
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
  rm -f "$RUN/rabbitmq/launcher.pid"
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
  *) echo "usage: $0 start|stop|status|start-redis|stop-redis|restart-redis|start-rabbitmq|stop-rabbitmq|restart-rabbitmq" >&2; exit 2 ;;
esac
