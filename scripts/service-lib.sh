# Helpers shared by scripts/services.sh and scripts/cluster.sh (sourced, not run). The sourcing script sets ROOT,
# and LOG_TAG for its log prefix. Every wait here has a deadline.

log() { printf '[%s] %s\n' "${LOG_TAG:-services}" "$*" >&2; }

port_open() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# Polls until a TCP port answers, or fails after the deadline.
wait_port() {
  local port=$1 seconds=$2 what=$3 deadline=$((SECONDS + $2))
  until port_open "$port"; do
    if ((SECONDS >= deadline)); then log "$what did not open port $port within ${seconds}s"; return 1; fi
    sleep 0.2
  done
}

wait_port_closed() {
  local port=$1 deadline=$((SECONDS + $2))
  while port_open "$port"; do
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

# True when the port answers an AMQP 0-9-1 protocol header with a connection.start frame (type 1, channel 0).
# The port opens a little before the boot steps finish (definitions, queues), so an open port is not enough.
amqp_answers() {
  local reply
  reply=$( (exec 3<>/dev/tcp/127.0.0.1/"$1" && printf 'AMQP\x00\x00\x09\x01' >&3 \
    && timeout 2 head -c 8 <&3 | od -An -tx1 | tr -d ' \n') 2>/dev/null || true)
  [[ $reply == 010000* ]]
}

wait_amqp() {
  local port=$1 seconds=$2 deadline=$((SECONDS + $2))
  until amqp_answers "$port"; do
    if ((SECONDS >= deadline)); then log "rabbitmq did not answer AMQP on $port within ${seconds}s"; return 1; fi
    sleep 0.5
  done
}

# Renders deploy/rabbitmq/rabbitmq.conf for one node: load_definitions needs an absolute path.
render_rabbitmq_conf() {
  local port=$1 out=$2 defs="$ROOT/deploy/rabbitmq/definitions.json"
  [ -f "$defs" ] || { log "missing $defs (run deploy/rabbitmq/generate-definitions.sh)"; return 1; }
  sed -e "s|@DEFINITIONS_FILE@|$defs|" -e "s|@AMQP_PORT@|$port|" "$ROOT/deploy/rabbitmq/rabbitmq.conf" > "$out"
}

# The environment of one RabbitMQ node on loopback: rabbit_node_env NODENAME AMQP_PORT DIR (state, logs, conf, cookie).
rabbit_node_env() {
  local name=$1 port=$2 d=$3
  export RABBITMQ_NODENAME=$name
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$port
  export RABBITMQ_DIST_PORT=$((port + 20000))
  # Erlang distribution on loopback too (it listens on every interface by default).
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$d/mnesia"
  export RABBITMQ_LOG_BASE="$d/log"
  export RABBITMQ_PID_FILE="$d/rabbit.pid"
  # The conf is rendered from deploy/rabbitmq/rabbitmq.conf: load_definitions needs an absolute path.
  export RABBITMQ_CONFIG_FILE="$d/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$d/enabled_plugins"
  export HOME="$d"   # the Erlang cookie lives here
}
