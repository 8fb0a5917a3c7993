#!/usr/bin/env bash
# Local clusters on one machine for scale-out tests and benchmarks, beside the single servers of services.sh
# (which this script never stops or restarts):
#   Redis Cluster  127.0.0.1:7301-7306 (bus 17301-17306), 3 masters + 3 replicas, AOF fsync always.
#   RabbitMQ       hcc-5721@localhost, hcc-5722@localhost, hcc-5723@localhost: AMQP 5721-5723, Erlang distribution
#                  25721-25723, one cluster, config and definitions from deploy/rabbitmq/ as for the single node.
# Usage: scripts/cluster.sh start | stop | status
#        scripts/cluster.sh redis-masters | redis-kill PORT | redis-start PORT | redis-wait-ok
#        scripts/cluster.sh rabbit-stop PORT | rabbit-start PORT | rabbit-wait
# Env: HC_CLUSTER_WAIT (60): deadline in seconds of the waits in the fault verbs.
# State, pid files and logs live in .run/cluster/ (git-ignored); start wipes it unless the clusters already run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CL="$ROOT/.run/cluster"
# shellcheck source=scripts/service-lib.sh
. "$ROOT/scripts/service-lib.sh"
# Seconds since this script started in every line: the waits are the interesting part of its log.
log() { printf '[cluster %3ds] %s\n' "$SECONDS" "$*" >&2; }

REDIS_PORTS=(7301 7302 7303 7304 7305 7306)
RABBIT_PORTS=(5721 5722 5723)
RABBIT_SEED=5721
WAIT=${HC_CLUSTER_WAIT:-60}
RABBIT_BIN=/usr/lib/rabbitmq/bin
WHY=""   # why the last health check failed, for the deadline message

die() { log "$*"; exit 1; }
is_one_of() { local x=$1; shift; for y in "$@"; do [ "$x" = "$y" ] && return 0; done; return 1; }
# True while pid is alive and its environment holds the exact entry (the proof a pid file names our process).
proc_has_env() {
  local env
  env=$({ tr '\0' '\n' < "/proc/$1/environ"; } 2>/dev/null) || return 1
  grep -qxF -- "$2" <<<"$env"
}

# Waits until process $1 is gone; after $2 seconds sends SIGKILL and waits a little more.
wait_gone_or_kill() {
  local pid=$1 seconds=$2 what=$3 deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "$what (pid $pid) still up after ${seconds}s: kill -9"
      kill -9 "$pid" 2>/dev/null || true
      local hard=$((SECONDS + 10))
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < hard)); do sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && { log "$what (pid $pid) survived kill -9"; return 1; }
      return 0
    fi
    sleep 0.2
  done
}

# ---------------------------------------------------------------- Redis Cluster
rdir() { echo "$CL/redis-$1"; }
rcli() { local port=$1; shift; timeout 3 redis-cli -h 127.0.0.1 -p "$port" "$@" 2>/dev/null | tr -d '\r'; }
redis_up() { [ "$(rcli "$1" ping || true)" = PONG ]; }

# The pid in the node's pid file, only while that process is still our redis-server on that port (the file may
# outlive a kill -9, and its pid be reused).
redis_pid() {
  local f pid
  f="$(rdir "$1")/redis.pid"
  [ -f "$f" ] || return 0
  pid=$(cat "$f" 2>/dev/null || true)
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 0
  if tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "^redis-server 127.0.0.1:$1 "; then echo "$pid"; fi
  return 0
}

redis_launch() {
  local port=$1 d
  d=$(rdir "$port")
  mkdir -p "$d"
  # As the single Redis: AOF with fsync on every write (fault tests kill nodes and count what survived),
  # noeviction, and the listpack limit the status records are sized for.
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$d" \
    --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000 \
    --appendonly yes --appendfsync always --save "" --pidfile "$d/redis.pid" --logfile "$d/redis.log" \
    --maxmemory-policy noeviction --hash-max-listpack-value 256
}

redis_wait_ping() {
  local port=$1 seconds=$2 deadline=$((SECONDS + $2))
  # The port opens before the AOF is replayed; PING answers LOADING until then.
  until redis_up "$port"; do
    if ((SECONDS >= deadline)); then log "redis $port did not answer PING within ${seconds}s"; return 1; fi
    sleep 0.2
  done
}

# Masters that serve slots and are not flagged failing, as node $1 sees them: one port a line.
redis_slot_masters_seen_by() {
  rcli "$1" cluster nodes | awk '$3 ~ /master/ && $3 !~ /fail/ && NF >= 9 { split($2, a, "[:@]"); print a[2] }' | sort
}

# Any node that answers, to ask about the cluster.
redis_any_live() {
  local p
  for p in "${REDIS_PORTS[@]}"; do redis_up "$p" && { echo "$p"; return 0; }; done
  return 1
}

# Every live node says cluster_state:ok with all 16384 slots ok, and every master that a live node sees serving
# slots is live (just after a kill -9 the others still count the dead master until they flag it). With "full":
# also all six nodes up and known to each other, three masters, each with an online replica (as start leaves it).
redis_check() { # live|full
  local mode=$1 p o info masters="" live=()
  for p in "${REDIS_PORTS[@]}"; do redis_up "$p" && live+=("$p"); done
  ((${#live[@]})) || { WHY="no node answers"; return 1; }
  if [ "$mode" = full ] && ((${#live[@]} != ${#REDIS_PORTS[@]})); then WHY="only ${live[*]} answer"; return 1; fi
  for p in "${live[@]}"; do
    info=$(rcli "$p" cluster info || true)
    grep -qx 'cluster_state:ok' <<<"$info" || { WHY="$p: $(grep cluster_state <<<"$info" || echo 'no cluster info')"; return 1; }
    grep -qx 'cluster_slots_ok:16384' <<<"$info" || { WHY="$p: $(grep cluster_slots_ok <<<"$info")"; return 1; }
    if [ "$mode" = full ] && ! grep -qx 'cluster_known_nodes:6' <<<"$info"; then
      WHY="$p: $(grep cluster_known_nodes <<<"$info")"; return 1
    fi
    masters=$(redis_slot_masters_seen_by "$p" || true)
    for o in $masters; do
      is_one_of "$o" "${live[@]}" || { WHY="$p still sees $o (down) serving slots"; return 1; }
    done
  done
  [ "$mode" = full ] || return 0
  [ "$(wc -w <<<"$masters")" -eq 3 ] || { WHY="masters: $(echo $masters)"; return 1; }
  for o in $masters; do
    info=$(rcli "$o" info replication || true)
    grep -q '^slave[0-9]*:.*state=online' <<<"$info" || { WHY="master $o has no online replica"; return 1; }
  done
}
redis_live_ok() { redis_check live; }
redis_full_ok() { redis_check full; }

redis_wait() { # check seconds what
  local check=$1 seconds=$2 what=$3 deadline=$((SECONDS + $2))
  until "$check"; do
    if ((SECONDS >= deadline)); then log "$what not reached within ${seconds}s: $WHY"; return 1; fi
    sleep 0.25
  done
}

# SIGTERM (a clean shutdown that fsyncs the AOF) to every node of ours that runs, then a kill -9 after the deadline.
redis_stop_all() {
  local p pid pids=() ports=()
  for p in "${REDIS_PORTS[@]}"; do
    pid=$(redis_pid "$p")
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    pids+=("$pid") ports+=("$p")
  done
  local i
  for i in "${!pids[@]}"; do wait_gone_or_kill "${pids[$i]}" 15 "redis ${ports[$i]}"; done
  ((${#pids[@]})) && log "redis: stopped ${ports[*]}" || log "redis: no node of ours was running"
}

redis_start_cluster() {
  if redis_full_ok; then log "redis cluster already up and ok on ${REDIS_PORTS[*]}: left as it is"; return 0; fi
  local t0=$SECONDS p nodes=()
  [ -d "$CL" ] && ls -d "$CL"/redis-* >/dev/null 2>&1 && log "redis: not ok ($WHY): wiping and creating afresh"
  redis_stop_all >/dev/null 2>&1 || true
  for p in "${REDIS_PORTS[@]}"; do
    port_open "$p" && die "port $p is taken by a process that is not ours: not touching it"
    port_open $((p + 10000)) && die "bus port $((p + 10000)) is taken by a process that is not ours"
    rm -rf "$(rdir "$p")"
  done
  for p in "${REDIS_PORTS[@]}"; do redis_launch "$p"; nodes+=("127.0.0.1:$p"); done
  for p in "${REDIS_PORTS[@]}"; do redis_wait_ping "$p" 20; done
  # Replicas are assigned by redis-cli: with --cluster-replicas 1 the first three become masters.
  timeout 60 redis-cli --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes > "$CL/redis-create.log" 2>&1 \
    || { tail -20 "$CL/redis-create.log" >&2; die "redis-cli --cluster create failed (log: .run/cluster/redis-create.log)"; }
  redis_wait redis_full_ok 60 "redis cluster ok with a replica per master"
  log "redis cluster up in $((SECONDS - t0))s: masters $(echo $(redis_slot_masters_seen_by "${REDIS_PORTS[0]}")), 127.0.0.1:7301-7306"
}

redis_check_port() { is_one_of "${1:-}" "${REDIS_PORTS[@]}" || die "not a cluster Redis port: '${1:-}' (${REDIS_PORTS[*]})"; }

redis_masters() {
  local p
  p=$(redis_any_live) || die "no cluster Redis node answers"
  redis_slot_masters_seen_by "$p"
}

redis_kill() {
  local port=$1 pid role
  pid=$(redis_pid "$port")
  [ -n "$pid" ] || die "redis $port: not running (no live pid in $(rdir "$port")/redis.pid)"
  role=$(rcli "$port" role | head -1 || true)
  kill -9 "$pid"
  wait_gone_or_kill "$pid" 10 "redis $port"
  log "redis $port: killed with SIGKILL (pid $pid, was ${role:-?})"
}

redis_start_node() {
  local port=$1 d info role
  d=$(rdir "$port")
  if redis_up "$port"; then
    log "redis $port: already running"
  else
    [ -f "$d/nodes.conf" ] || die "redis $port: no $d/nodes.conf (run: scripts/cluster.sh start)"
    redis_launch "$port"
    redis_wait_ping "$port" 30
  fi
  # Back from a kill whose replica was promoted, the node learns the newer config epoch and follows the new
  # master; wait until it is in sync with it (or serves its slots again if no failover happened), and the live
  # nodes agree that every slot is served.
  local deadline=$((SECONDS + WAIT))
  while :; do
    info=$(rcli "$port" cluster info || true)
    role=$(rcli "$port" info replication || true)
    if grep -qx 'cluster_state:ok' <<<"$info" && redis_live_ok; then
      if grep -qx 'role:slave' <<<"$role" && grep -qx 'master_link_status:up' <<<"$role"; then
        log "redis $port: back as a replica of $(sed -n 's/^master_port://p' <<<"$role")"; return 0
      fi
      if grep -qx 'role:master' <<<"$role" && grep -qx "$port" <<<"$(redis_slot_masters_seen_by "$port" || true)"; then
        log "redis $port: back as a master serving slots"; return 0
      fi
    fi
    if ((SECONDS >= deadline)); then
      log "redis $port: not in sync within ${WAIT}s ($(grep cluster_state <<<"$info"), $(grep -E '^(role|master_link_status):' <<<"$role" | tr '\n' ' ')${WHY:+; $WHY})"
      return 1
    fi
    sleep 0.25
  done
}

redis_status() {
  local p pid role state
  for p in "${REDIS_PORTS[@]}"; do
    pid=$(redis_pid "$p")
    if redis_up "$p"; then
      state=$(rcli "$p" cluster info | sed -n 's/^cluster_state://p')
      role=$(rcli "$p" info replication | awk -F: '$1 == "role" { r = $2 } $1 == "master_port" { m = " of " $2 } END { print r m }')
      echo "redis $p: up (pid ${pid:-?}) $role, cluster_state:$state"
    else
      echo "redis $p: down"
    fi
  done
}

# ---------------------------------------------------------------- RabbitMQ cluster
qdir() { echo "$CL/rabbit-$1"; }
node_name() { echo "hcc-$1@localhost"; }

# Each node gets its own HOME (its folder) holding the one cookie of this cluster; the CLI reads it from its own.
write_cookie() {
  local cookie p
  cookie=$(head -c 64 /dev/urandom | od -An -tx1 | tr -dc 0-9a-f | head -c 32)
  for p in "${RABBIT_PORTS[@]}" cli; do
    local h="$CL/rabbit-$p"
    [ "$p" = cli ] && h="$CL/cli-home"
    mkdir -p "$h"
    rm -f "$h/.erlang.cookie"
    printf '%s' "$cookie" > "$h/.erlang.cookie"
    chmod 400 "$h/.erlang.cookie"
  done
}

# Runs in a subshell: the environment of one node (the same shape as services.sh's single node).
rabbit_env() {
  local port=$1 d
  d=$(qdir "$port")
  rabbit_node_env "$(node_name "$port")" "$port" "$d"
}

# rabbitmqctl / rabbitmq-queues from /usr/lib: the /usr/sbin wrappers switch to the rabbitmq user, whose cookie is
# not ours (that is the "Erlang distribution failed" seen against the single node). Own CLI dist ports, loopback.
rabbit_cli() { # tool port seconds args...
  local tool=$1 port=$2 seconds=$3
  shift 3
  (
    export HOME="$CL/cli-home" ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export RABBITMQ_CTL_DIST_PORT_MIN=35721 RABBITMQ_CTL_DIST_PORT_MAX=35740
    timeout "$seconds" "$RABBIT_BIN/$tool" -q -n "$(node_name "$port")" "$@"
  )
}
ctl() { rabbit_cli rabbitmqctl "$@"; }

# The node's VM: from its pid file, else (killed before it wrote one) the beam whose HOME is the node's folder.
rabbit_pid() {
  local d pid=""
  d=$(qdir "$1")
  [ -f "$d/rabbit.pid" ] && pid=$(cat "$d/rabbit.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && proc_has_env "$pid" "HOME=$d" && proc_has_env "$pid" "RABBITMQ_NODENAME=$(node_name "$1")"; then
    echo "$pid"; return 0
  fi
  pgrep -f -- "beam.smp .* -home $d -- " | head -1 || true
}

rabbit_launcher_pid() {
  local d pid=""
  d=$(qdir "$1")
  [ -f "$d/launcher.pid" ] && pid=$(cat "$d/launcher.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && proc_has_env "$pid" "HOME=$d"; then echo "$pid"; fi
  return 0
}

rabbit_launch() {
  local port=$1 d
  d=$(qdir "$port")
  mkdir -p "$d"
  [ -f "$d/enabled_plugins" ] || echo '[].' > "$d/enabled_plugins"
  render_rabbitmq_conf "$port" "$d/rabbitmq.conf"
  (
    rabbit_env "$port"
    # The server script itself (the /usr/sbin wrapper drops this environment); setsid: it must outlive this shell.
    setsid nohup "$RABBIT_BIN/rabbitmq-server" >> "$d/server.out" 2>&1 < /dev/null &
    echo $! > "$d/launcher.pid"
  )
}

# Nodes that node $1 reports running, one a line (empty if it cannot be asked).
rabbit_running_seen_by() {
  ctl "$1" 30 cluster_status --formatter json 2>/dev/null \
    | grep -o '"running_nodes":\[[^]]*\]' | grep -o 'hcc-[0-9]*@localhost' | sort || true
}

# Any node that answers AMQP, to ask about the cluster.
rabbit_any_live() {
  local p
  for p in "${RABBIT_PORTS[@]}"; do amqp_answers "$p" && { echo "$p"; return 0; }; done
  return 1
}

rabbit_all_running() {
  local p live n
  for p in "${RABBIT_PORTS[@]}"; do amqp_answers "$p" || { WHY="$p does not answer AMQP"; return 1; }; done
  live=$(rabbit_any_live) || { WHY="no node answers AMQP"; return 1; }
  n=$(rabbit_running_seen_by "$live" | wc -l)
  [ "$n" -eq 3 ] || { WHY="$(node_name "$live") sees $n running: $(rabbit_running_seen_by "$live" | tr '\n' ' ')"; return 1; }
}

rabbit_wait() { # seconds
  local seconds=$1 deadline=$((SECONDS + $1))
  until rabbit_all_running; do
    if ((SECONDS >= deadline)); then log "rabbitmq: 3 running nodes not reached within ${seconds}s: $WHY"; return 1; fi
    sleep 1
  done
  log "rabbitmq: hcc-5721, hcc-5722, hcc-5723 running in one cluster"
}

# Quorum queues: name and member count, tab-separated, as node $1 lists them.
rabbit_quorum_members() {
  ctl "$1" 30 list_queues --no-table-headers name type members 2>/dev/null \
    | awk -F'\t' '$2 == "quorum" { print $1 "\t" gsub(/hcc-[0-9]+@localhost/, "", $3) }' || true
}

# Stops one node: the CLI's clean stop (waits for the VM to exit), then SIGTERM, then kill -9, each bounded.
rabbit_stop_node() {
  local port=$1 pid launcher
  pid=$(rabbit_pid "$port")
  launcher=$(rabbit_launcher_pid "$port")
  if [ -z "$pid" ]; then log "rabbitmq $port: not running"; else
    ctl "$port" 60 stop "$(qdir "$port")/rabbit.pid" >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    wait_gone_or_kill "$pid" 30 "rabbitmq $port"
    log "rabbitmq $port: stopped (pid $pid)"
  fi
  if [ -n "$launcher" ]; then wait_gone_or_kill "$launcher" 5 "rabbitmq $port launcher" || true; fi
  wait_port_closed "$port" 10 || true
}

# All nodes at once: SIGTERM makes the VM shut down cleanly; kill -9 after the deadline.
rabbit_stop_all() {
  local p pid pids=() ports=() i
  for p in "${RABBIT_PORTS[@]}"; do
    pid=$(rabbit_pid "$p")
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    pids+=("$pid") ports+=("$p")
  done
  for i in "${!pids[@]}"; do wait_gone_or_kill "${pids[$i]}" 60 "rabbitmq ${ports[$i]}"; done
  for p in "${RABBIT_PORTS[@]}"; do
    pid=$(rabbit_launcher_pid "$p")
    if [ -n "$pid" ]; then wait_gone_or_kill "$pid" 5 "rabbitmq $p launcher" || true; fi
  done
  ((${#pids[@]})) && log "rabbitmq: stopped ${ports[*]}" || log "rabbitmq: no node of ours was running"
}

# Phase 1 of start: wipe and launch the three nodes (they boot while the Redis Cluster is created). Sets
# RABBIT_LAUNCHED_AT, the launch second; empty means nothing was launched (a number can be 0 in the first second).
RABBIT_LAUNCHED_AT=""
rabbit_launch_fresh() {
  if rabbit_all_running 2>/dev/null; then log "rabbitmq cluster already running on ${RABBIT_PORTS[*]}: left as it is"; return 0; fi
  local p
  ls -d "$CL"/rabbit-* >/dev/null 2>&1 && log "rabbitmq: not all running ($WHY): wiping and creating afresh"
  rabbit_stop_all >/dev/null 2>&1 || true
  for p in "${RABBIT_PORTS[@]}"; do
    port_open "$p" && die "port $p is taken by a process that is not ours: not touching it"
    port_open $((p + 20000)) && die "dist port $((p + 20000)) is taken by a process that is not ours"
    rm -rf "$(qdir "$p")"
  done
  rm -rf "$CL/cli-home" "$CL/rabbit-join.log"
  write_cookie
  for p in "${RABBIT_PORTS[@]}"; do rabbit_launch "$p"; done
  RABBIT_LAUNCHED_AT=$SECONDS
  log "rabbitmq: launched ${RABBIT_PORTS[*]}"
}

# Runs ctl on several nodes at once (ctl-args after the ports' "--"); fails if any fails. Output to the join log.
ctl_each() { # seconds port... -- args...
  local seconds=$1 ports=() pids=() p i rc=0
  shift
  while [ "$1" != -- ]; do ports+=("$1"); shift; done
  shift
  for p in "${ports[@]}"; do ctl "$p" "$seconds" "$@" >> "$CL/rabbit-join.log" 2>&1 & pids+=($!); done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || { log "rabbitmq ${ports[$i]}: '$*' failed"; rc=1; }; done
  return "$rc"
}

# Phase 2 of start: once booted, nodes 2 and 3 join the seed; then the quorum queues get a member on each node.
rabbit_form_cluster() {
  [ -n "$RABBIT_LAUNCHED_AT" ] || return 0
  local t0=$RABBIT_LAUNCHED_AT p others=() seed members short
  seed=$(node_name $RABBIT_SEED)
  for p in "${RABBIT_PORTS[@]}"; do
    wait_port "$p" 120 "rabbitmq $p" || { tail -30 "$(qdir "$p")/server.out" >&2; return 1; }
    wait_amqp "$p" 60
    [ "$p" = "$RABBIT_SEED" ] || others+=("$p")
  done
  log "rabbitmq: 3 nodes booted in $((SECONDS - t0))s; joining ${others[*]} to $seed"
  # stop_app and start_app run on both nodes at once; join_cluster one node at a time (both change the seed's
  # schema). join_cluster resets the node first: what it declared from the definitions while alone is dropped.
  ctl_each 60 "${others[@]}" -- stop_app || die "rabbitmq: stop_app failed (log: .run/cluster/rabbit-join.log)"
  for p in "${others[@]}"; do
    ctl "$p" 60 join_cluster "$seed" >> "$CL/rabbit-join.log" 2>&1 \
      || { tail -20 "$CL/rabbit-join.log" >&2; die "rabbitmq $p: join_cluster failed (log: .run/cluster/rabbit-join.log)"; }
  done
  ctl_each 120 "${others[@]}" -- start_app || die "rabbitmq: start_app failed (log: .run/cluster/rabbit-join.log)"
  rabbit_wait 60
  # The definitions declared hc.status.* on the seed while it was alone, so they have one member: add the others
  # (what `rabbitmq-queues grow NODE all` does, for both nodes in one CLI call). Queues declared from now on get all
  # three: the default initial group size is every cluster member.
  ctl "$RABBIT_SEED" 60 eval "[{N, length(rabbit_quorum_queue:grow(N, <<\".*\">>, <<\".*\">>, all))}
    || N <- ['$(node_name "${others[0]}")', '$(node_name "${others[1]}")']]." >> "$CL/rabbit-join.log" 2>&1 \
    || die "rabbitmq: growing the quorum queues failed (log: .run/cluster/rabbit-join.log)"
  members=$(rabbit_quorum_members "$RABBIT_SEED")
  short=$(awk -F'\t' '$2 != 3' <<<"$members" | tr '\t\n' ': ')
  [ -n "$members" ] && [ -z "$short" ] || die "rabbitmq: quorum queues without 3 members: ${short:-none listed}"
  log "rabbitmq cluster up in $((SECONDS - t0))s: AMQP 127.0.0.1:5721-5723, quorum queues on 3 nodes: $(cut -f1 <<<"$members" | tr '\n' ' ')"
}

rabbit_check_port() { is_one_of "${1:-}" "${RABBIT_PORTS[@]}" || die "not a cluster RabbitMQ port: '${1:-}' (${RABBIT_PORTS[*]})"; }

rabbit_start_node() {
  local port=$1 d p live running deadline
  d=$(qdir "$port")
  if amqp_answers "$port"; then log "rabbitmq $port: already running"; else
    [ -d "$d/mnesia" ] || die "rabbitmq $port: no state in $d (run: scripts/cluster.sh start)"
    [ -z "$(rabbit_pid "$port")" ] || die "rabbitmq $port: its VM runs but does not answer AMQP; stop it first"
    rabbit_launch "$port"
    wait_port "$port" 120 "rabbitmq $port" || { tail -30 "$d/server.out" >&2; return 1; }
    wait_amqp "$port" 60
  fi
  # It remembers its cluster and rejoins by itself; wait until the others count it running.
  deadline=$((SECONDS + WAIT))
  while :; do
    live=$port
    for p in "${RABBIT_PORTS[@]}"; do
      if [ "$p" != "$port" ] && amqp_answers "$p"; then live=$p; break; fi
    done
    running=$(rabbit_running_seen_by "$live")
    if grep -qx "$(node_name "$port")" <<<"$running"; then
      log "rabbitmq $port: running and in the cluster (seen by $(node_name "$live"))"; return 0
    fi
    if ((SECONDS >= deadline)); then log "rabbitmq $port: not seen running by $(node_name "$live") within ${WAIT}s"; return 1; fi
    sleep 1
  done
}

rabbit_status() {
  local p pid live
  for p in "${RABBIT_PORTS[@]}"; do
    pid=$(rabbit_pid "$p")
    if amqp_answers "$p"; then echo "rabbitmq $p: up (pid ${pid:-?}) $(node_name "$p")"
    elif [ -n "$pid" ]; then echo "rabbitmq $p: VM up (pid $pid), AMQP not answering"
    else echo "rabbitmq $p: down"; fi
  done
  if live=$(rabbit_any_live); then
    echo "rabbitmq running nodes (seen by $(node_name "$live")): $(rabbit_running_seen_by "$live" | tr '\n' ' ')"
    rabbit_quorum_members "$live" | awk -F'\t' '{ print "rabbitmq quorum queue " $1 ": " $2 " members" }'
  fi
}

# ---------------------------------------------------------------- verbs
start() {
  local t0=$SECONDS
  install_missing
  mkdir -p "$CL"
  rabbit_launch_fresh
  redis_start_cluster
  rabbit_form_cluster
  log "clusters up in $((SECONDS - t0))s"
}

stop() {
  local t0=$SECONDS
  redis_stop_all
  rabbit_stop_all
  log "clusters stopped in $((SECONDS - t0))s (state left in .run/cluster for the logs)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) redis_status; rabbit_status ;;
  redis-masters) redis_masters ;;
  redis-kill) redis_check_port "${2:-}"; redis_kill "$2" ;;
  redis-start) redis_check_port "${2:-}"; redis_start_node "$2" ;;
  redis-wait-ok)
    redis_wait redis_live_ok "$WAIT" "redis cluster_state ok with every slot served"
    log "redis: cluster ok on every live node, masters $(echo $(redis_masters))" ;;
  rabbit-stop) rabbit_check_port "${2:-}"; rabbit_stop_node "$2" ;;
  rabbit-start) rabbit_check_port "${2:-}"; rabbit_start_node "$2" ;;
  rabbit-wait) rabbit_wait "$WAIT" ;;
  *) echo "usage: $0 start|stop|status|redis-masters|redis-kill PORT|redis-start PORT|redis-wait-ok|rabbit-stop PORT|rabbit-start PORT|rabbit-wait" >&2; exit 2 ;;
esac
