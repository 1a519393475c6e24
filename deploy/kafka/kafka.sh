#!/usr/bin/env bash
# The local Apache Kafka broker for development and the e2e tests: one KRaft node (broker and
# controller in one JVM) on 127.0.0.1, on free ports, fetched from Maven Central.
#
#   deploy/kafka/kafka.sh fetch                  # broker jars into the cache (once)
#   B=$(deploy/kafka/kafka.sh start --dir /tmp/k)  # prints 127.0.0.1:PORT when ready
#   deploy/kafka/kafka.sh status --dir /tmp/k
#   deploy/kafka/kafka.sh stop --dir /tmp/k
#   deploy/kafka/kafka.sh run                    # foreground; Ctrl-C stops it
#   deploy/kafka/kafka.sh tool topics --bootstrap-server "$B" --list
#
# start [--dir D] [--fresh] [--set key=value]... [--timeout S]
#   A new D (or --fresh) gets new ports, a server.properties and freshly formatted storage; a D
#   that holds a stopped broker is restarted with its data and the same ports, so clients
#   reconnect to the same address. Writes D/bootstrap (host:port) and D/broker.pid; logs go to
#   D/logs/server.log. Returns once a Metadata request succeeds (kafka_probe.py), at most S s.
# stop [--dir D] [--timeout S]   SIGTERM, wait for the exit (SIGKILL after S s, exit 3), then
#   checks that no process of this broker is left.
# status [--dir D]   exit 0 running and answering, 1 not running, 2 running but not answering.
#
# Environment: PAXSCREEN_KAFKA_VERSION (4.1.1), PAXSCREEN_KAFKA_CACHE (deploy/kafka/.cache),
# PAXSCREEN_KAFKA_DIR (default D: $cache/broker), PAXSCREEN_KAFKA_HEAP (512m),
# PAXSCREEN_KAFKA_M2 (a Maven local repository other than ~/.m2/repository).
# Needs java (17+), mvn (fetch only) and python3. See deploy/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VERSION=${PAXSCREEN_KAFKA_VERSION:-4.1.1}
CACHE=${PAXSCREEN_KAFKA_CACHE:-$HERE/.cache}
LIBS=$CACHE/kafka_2.13-$VERSION/libs
HEAP=${PAXSCREEN_KAFKA_HEAP:-512m}
PROBE=$HERE/kafka_probe.py

log() { echo "kafka.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found; run deploy/setup.sh ($2)"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------------------------- fetch

cache_complete() {
  [ -f "$LIBS/MANIFEST" ] || return 1
  local jar
  while read -r jar; do [ -f "$LIBS/$jar" ] || return 1; done <"$LIBS/MANIFEST"
}

cmd_fetch() {
  if cache_complete; then
    log "Kafka $VERSION is cached ($(wc -l <"$LIBS/MANIFEST") jars in $LIBS); nothing to download"
    return 0
  fi
  need java "default-jre-headless"
  need mvn "maven"
  local t0 tmp
  t0=$(now)
  mkdir -p "$CACHE/kafka_2.13-$VERSION"
  tmp=$CACHE/kafka_2.13-$VERSION/libs.tmp.$$
  rm -rf "$tmp"
  mkdir -p "$tmp"
  local args=(-B -q -f "$HERE/pom.xml" "-Dkafka.version=$VERSION"
    dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$tmp")
  [ -n "${PAXSCREEN_KAFKA_M2:-}" ] && args+=("-Dmaven.repo.local=$PAXSCREEN_KAFKA_M2")
  # Offline first: when the local Maven repository already holds every artifact this copies
  # them without touching the network; otherwise resolve from Maven Central.
  if mvn -o "${args[@]}" >"$tmp.log" 2>&1; then
    log "Kafka $VERSION resolved offline from the local Maven repository"
  else
    log "downloading Kafka $VERSION and its dependencies from Maven Central"
    if ! mvn "${args[@]}" >"$tmp.log" 2>&1; then
      tail -n 20 "$tmp.log" >&2
      rm -rf "$tmp"
      die "could not fetch org.apache.kafka:kafka_2.13:$VERSION with Maven (no network?)"
    fi
  fi
  [ -f "$tmp/kafka_2.13-$VERSION.jar" ] || die "kafka_2.13-$VERSION.jar missing after the copy"
  (cd "$tmp" && ls -- *.jar) >"$tmp/MANIFEST"
  rm -rf "$LIBS" "$tmp.log"
  mv "$tmp" "$LIBS"
  log "Kafka $VERSION: $(wc -l <"$LIBS/MANIFEST") jars in $LIBS ($(since "$t0") s)"
}

# ---------------------------------------------------------------------------------- processes

# The pids of java processes running this D's broker, found by their command line (read with
# bash builtins so no helper process matches itself).
broker_pids() {
  local dir=$1 p args a found_main found_conf
  for p in /proc/[0-9]*; do
    args=()
    mapfile -d '' args 2>/dev/null <"$p/cmdline" || continue
    found_main=0 found_conf=0
    for a in "${args[@]}"; do
      [ "$a" = kafka.Kafka ] && found_main=1
      [ "$a" = "$dir/server.properties" ] && found_conf=1
    done
    [ $found_main = 1 ] && [ $found_conf = 1 ] && echo "${p#/proc/}"
  done
  return 0
}

alive() {  # running and not a zombie
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

is_our_broker() { broker_pids "$2" | grep -qx "$1"; }

# Sends SIGTERM to pid $1 and waits up to $2 s; SIGKILL after that. Returns 3 if it had to kill.
terminate() {
  local pid=$1 timeout=$2 t0 deadline
  t0=$(now)
  deadline=$(($(date +%s) + timeout))
  kill -TERM "$pid" 2>/dev/null || return 0
  while alive "$pid"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "warning: pid $pid still running ${timeout} s after SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while alive "$pid"; do sleep 0.1; done
      return 3
    fi
    sleep 0.1
  done
  log "broker pid $pid exited $(since "$t0") s after SIGTERM"
}

# ---------------------------------------------------------------------------------- start

write_config() {  # dir broker_port controller_port overrides...
  local dir=$1 bport=$2 cport=$3
  shift 3
  cat >"$dir/server.properties" <<EOF
# Written by deploy/kafka/kafka.sh: one combined KRaft broker + controller for development and
# tests. Replication factor 1 everywhere; internal topics with few partitions (2 cores).
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$bport,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$bport,CONTROLLER://127.0.0.1:$cport
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=24
log.segment.bytes=67108864
EOF
  if [ $# -gt 0 ]; then
    echo "# --set overrides (the last value of a key wins)" >>"$dir/server.properties"
    printf '%s\n' "$@" >>"$dir/server.properties"
  fi
}

java_opts() {
  echo "-Xms128m -Xmx$HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError" \
    "-Djava.awt.headless=true -Dlog4j2.configurationFile=$HERE/log4j2.properties"
}

format_storage() {  # dir
  local dir=$1 cid
  cid=$(python3 "$PROBE" cluster-id)
  # shellcheck disable=SC2046
  if ! java $(java_opts) "-Dkafka.logs.dir=$dir/logs" -cp "$LIBS/*" kafka.tools.StorageTool \
      format --config "$dir/server.properties" --cluster-id "$cid" --standalone \
      >"$dir/logs/format.log" 2>&1; then
    cat "$dir/logs/format.log" >&2
    die "formatting the KRaft storage in $dir/data failed"
  fi
}

STARTING_PID=""
PROBE_PID=""
on_start_exit() {  # a start that did not reach "ready" leaves no broker behind
  [ -z "$PROBE_PID" ] || kill "$PROBE_PID" 2>/dev/null || true
  if [ -n "$STARTING_PID" ] && alive "$STARTING_PID"; then
    log "start interrupted or failed; stopping pid $STARTING_PID"
    terminate "$STARTING_PID" 20 || true
  fi
}

launch() {  # dir timeout -> 0 ready, 2 exited early, 1 timed out
  local dir=$1 timeout=$2 address rc t0
  address=$(cat "$dir/bootstrap")
  t0=$(now)
  # setsid: the broker outlives this script (and a CTest fixture step) and is not hit by a
  # terminal's Ctrl-C; every fd is redirected so no caller's pipe stays open.
  # shellcheck disable=SC2046
  setsid java $(java_opts) "-Dkafka.logs.dir=$dir/logs" -cp "$LIBS/*" \
    kafka.Kafka "$dir/server.properties" </dev/null >"$dir/logs/broker.out" 2>&1 &
  STARTING_PID=$!
  echo "$STARTING_PID" >"$dir/broker.pid"
  # The probe runs in the background and `wait` collects it: a signal to this script then runs
  # its trap at once instead of after the probe's timeout.
  rc=0
  python3 "$PROBE" metadata "$address" --timeout "$timeout" --pid "$STARTING_PID" &
  PROBE_PID=$!
  wait "$PROBE_PID" || rc=$?
  PROBE_PID=""
  if [ $rc = 0 ]; then
    log "broker pid $STARTING_PID ready at $address in $(since "$t0") s (Kafka $VERSION, logs in $dir/logs)"
    STARTING_PID=""
  fi
  return $rc
}

cmd_start() {
  local dir=$DEFAULT_DIR fresh=0 timeout=120 sets=()
  while [ $# -gt 0 ]; do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      --fresh) fresh=1; shift ;;
      --set) sets+=("$2"); shift 2 ;;
      --timeout) timeout=$2; shift 2 ;;
      *) die "start: unknown argument '$1'" ;;
    esac
  done
  need java "default-jre-headless"
  need python3 "python3"
  need setsid "util-linux"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local running
  running=$(broker_pids "$dir")
  if [ -n "$running" ]; then
    if [ $fresh = 0 ]; then
      log "a broker is already running in $dir (pid $running)"
      cat "$dir/bootstrap"
      return 0
    fi
    cmd_stop --dir "$dir"
  fi
  cmd_fetch
  trap on_start_exit EXIT
  trap 'exit 130' INT TERM
  mkdir -p "$dir/logs"
  if [ $fresh = 0 ] && [ -f "$dir/data/meta.properties" ] && [ -f "$dir/server.properties" ]; then
    [ ${#sets[@]} -eq 0 ] || log "warning: --set ignored on a restart (use --fresh)"
    log "restarting the broker in $dir with its data and ports"
    local rc=0
    launch "$dir" "$timeout" || rc=$?
    [ $rc = 0 ] || { tail -n 30 "$dir/logs/server.log" >&2 2>/dev/null || true; die "restart failed"; }
  else
    local attempt rc ports
    for attempt in 1 2 3; do
      rm -rf "$dir/data" "$dir/logs" "$dir/bootstrap" "$dir/broker.pid" "$dir/server.properties"
      mkdir -p "$dir/logs"
      mapfile -t ports < <(python3 "$PROBE" free-ports 2)
      write_config "$dir" "${ports[0]}" "${ports[1]}" ${sets[@]+"${sets[@]}"}
      echo "127.0.0.1:${ports[0]}" >"$dir/bootstrap"
      format_storage "$dir"
      rc=0
      launch "$dir" "$timeout" || rc=$?
      [ $rc = 0 ] && break
      if [ $rc = 2 ] && grep -qs "Address already in use" "$dir/logs/server.log" "$dir/logs/broker.out"; then
        log "port taken between choosing and binding (attempt $attempt); choosing new ports"
        continue
      fi
      tail -n 30 "$dir/logs/server.log" >&2 2>/dev/null || tail -n 30 "$dir/logs/broker.out" >&2 || true
      die "the broker did not become ready (see $dir/logs)"
    done
    [ $rc = 0 ] || die "no free ports after 3 attempts"
  fi
  trap - EXIT INT TERM
  cat "$dir/bootstrap"
}

# ---------------------------------------------------------------------------------- stop, status

cmd_stop() {
  local dir=$DEFAULT_DIR timeout=60
  while [ $# -gt 0 ]; do
    case $1 in
      --dir) dir=$2; shift 2 ;;
      --timeout) timeout=$2; shift 2 ;;
      *) die "stop: unknown argument '$1'" ;;
    esac
  done
  [ -d "$dir" ] || { log "no broker directory $dir; nothing to stop"; return 0; }
  dir=$(cd "$dir" && pwd)
  local pids pid rc=0
  pids=$(broker_pids "$dir")
  if [ -z "$pids" ]; then
    log "no broker running in $dir"
  fi
  for pid in $pids; do
    terminate "$pid" "$timeout" || rc=$?
  done
  rm -f "$dir/broker.pid"
  pids=$(broker_pids "$dir")
  [ -z "$pids" ] || die "processes left behind after stop: $pids"
  return $rc
}

cmd_status() {
  local dir=$DEFAULT_DIR
  [ "${1:-}" = --dir ] && dir=$2
  [ -d "$dir" ] || { echo "not running (no $dir)"; return 1; }
  dir=$(cd "$dir" && pwd)
  local pids
  pids=$(broker_pids "$dir")
  [ -n "$pids" ] || { echo "not running ($dir)"; return 1; }
  if python3 "$PROBE" metadata "$(cat "$dir/bootstrap")" --timeout 3 2>/dev/null; then
    echo "running: pid $pids, bootstrap $(cat "$dir/bootstrap"), dir $dir"
  else
    echo "running but not answering: pid $pids, bootstrap $(cat "$dir/bootstrap"), dir $dir"
    return 2
  fi
}

cmd_run() {  # foreground development broker; Ctrl-C (or SIGTERM) stops it cleanly
  local dir=$DEFAULT_DIR
  [ "${1:-}" = --dir ] && dir=$2
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local address
  address=$(cmd_start "$@")
  echo "$address"
  trap 'trap - EXIT INT TERM; cmd_stop --dir "$dir"; exit 0' EXIT INT TERM
  log "running at $address; Ctrl-C stops it"
  while [ -n "$(broker_pids "$dir")" ]; do sleep 1; done
  log "the broker exited by itself (see $dir/logs/server.log)"
}

cmd_tool() {  # a Kafka command-line tool from the cached jars
  [ $# -ge 1 ] || die "tool: name a tool (topics, console-consumer, console-producer, consumer-groups, transactions, get-offsets, metadata-quorum) or a class"
  local cls
  case $1 in
    topics) cls=org.apache.kafka.tools.TopicCommand ;;
    console-consumer) cls=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    console-producer) cls=org.apache.kafka.tools.ConsoleProducer ;;
    consumer-groups) cls=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    transactions) cls=org.apache.kafka.tools.TransactionsCommand ;;
    get-offsets) cls=org.apache.kafka.tools.GetOffsetShell ;;
    metadata-quorum) cls=org.apache.kafka.tools.MetadataQuorumCommand ;;
    *) cls=$1 ;;
  esac
  shift
  cache_complete || cmd_fetch
  exec java -Xmx256m -Djava.awt.headless=true -cp "$LIBS/*" "$cls" "$@"
}

DEFAULT_DIR=${PAXSCREEN_KAFKA_DIR:-$CACHE/broker}
cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
  fetch) cmd_fetch ;;
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  status) cmd_status "$@" ;;
  run) cmd_run "$@" ;;
  tool) cmd_tool "$@" ;;
  *) sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
