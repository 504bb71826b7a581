#!/usr/bin/env bash
# Local infrastructure without containers: PostgreSQL and Redis from the system, Apache Kafka as a single-node
# KRaft broker whose jars infra/kafka/pom.xml resolves from Maven Central.
#
#   scripts/infra.sh up       start what is not running (idempotent), wait until everything answers
#   scripts/infra.sh down     stop only what `up` started
#   scripts/infra.sh status   say what answers and who started it
#   scripts/infra.sh kafka-up | kafka-down   only the broker (with INFRA_STATE_DIR and KAFKA_PORT: a disposable one)
#
# Ports: PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379, Kafka 127.0.0.1:9092 (controller on 9093).
# State (Kafka's data and logs, pid files, markers of what we started) lives in .infra/, which git ignores.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${INFRA_STATE_DIR:-$ROOT/.infra}"
KAFKA_DIR="$STATE/kafka"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_WAIT_SECONDS="${KAFKA_WAIT_SECONDS:-120}"
PG_HOST=127.0.0.1 PG_PORT=5432 REDIS_PORT=6379
# Overridable so that tests can run a second, disposable broker next to the shared one.
KAFKA_PORT="${KAFKA_PORT:-9092}" KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"

say() { printf '%s\n' "$*"; }
fail() { printf 'infra: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------- PostgreSQL ----------
pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; else port_open "$PG_PORT"; fi
}

pg_cluster() {
  # The Debian cluster to start: "<version> <name>" of the one on port 5432.
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  pg_lsclusters --no-header 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2; exit }'
}

pg_up() {
  if pg_answers; then say "postgres: answering on $PG_HOST:$PG_PORT"; return; fi
  local cluster; cluster="$(pg_cluster || true)"
  if [ -z "$cluster" ]; then
    fail "PostgreSQL does not answer on $PG_HOST:$PG_PORT and no local cluster is installed.
  Install it:  apt-get update && apt-get install -y postgresql   (then run this again)
  or use Docker: docker compose up -d postgres"
  fi
  say "postgres: starting cluster $cluster"
  # shellcheck disable=SC2086
  pg_ctlcluster --skip-systemctl-redirect $cluster start
  touch "$STATE/postgres.started"
  for _ in $(seq 1 60); do pg_answers && { say "postgres: answering on $PG_HOST:$PG_PORT"; return; }; sleep 0.5; done
  fail "postgres: cluster $cluster started but does not answer on $PG_HOST:$PG_PORT"
}

pg_down() {
  [ -f "$STATE/postgres.started" ] || { say "postgres: left running (not started by infra:up)"; return; }
  local cluster; cluster="$(pg_cluster || true)"
  # shellcheck disable=SC2086
  [ -n "$cluster" ] && pg_ctlcluster --skip-systemctl-redirect $cluster stop && say "postgres: stopped"
  rm -f "$STATE/postgres.started"
}

# ---------- Redis ----------
redis_answers() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
  else
    port_open "$REDIS_PORT"
  fi
}

redis_up() {
  if redis_answers; then say "redis: answering on 127.0.0.1:$REDIS_PORT"; return; fi
  command -v redis-server >/dev/null 2>&1 || fail "Redis does not answer on 127.0.0.1:$REDIS_PORT and redis-server is not installed.
  Install it:  apt-get update && apt-get install -y redis-server   (then run this again)
  or use Docker: docker compose up -d redis"
  mkdir -p "$STATE/redis"
  say "redis: starting redis-server"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$STATE/redis" --pidfile "$STATE/redis/redis.pid" --logfile "$STATE/redis/redis.log"
  touch "$STATE/redis.started"
  for _ in $(seq 1 40); do redis_answers && { say "redis: answering on 127.0.0.1:$REDIS_PORT"; return; }; sleep 0.25; done
  fail "redis: started but does not answer; see $STATE/redis/redis.log"
}

redis_down() {
  [ -f "$STATE/redis.started" ] || { say "redis: left running (not started by infra:up)"; return; }
  if [ -f "$STATE/redis/redis.pid" ]; then
    kill "$(cat "$STATE/redis/redis.pid")" 2>/dev/null || true
    for _ in $(seq 1 40); do redis_answers || break; sleep 0.25; done
  fi
  rm -f "$STATE/redis.started" "$STATE/redis/redis.pid"
  say "redis: stopped"
}

# ---------- Kafka ----------
kafka_pid() { [ -f "$KAFKA_DIR/kafka.pid" ] && cat "$KAFKA_DIR/kafka.pid"; }
kafka_ours_running() { local pid; pid="$(kafka_pid || true)"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

kafka_classpath() {
  # Resolve once per pom.xml version; Maven caches the jars in ~/.m2.
  local pom="$ROOT/infra/kafka/pom.xml" cp="$KAFKA_DIR/classpath.txt" stamp="$KAFKA_DIR/classpath.sha"
  local sum; sum="$(sha256sum "$pom" | cut -d' ' -f1)"
  if [ ! -s "$cp" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    command -v mvn >/dev/null 2>&1 || fail "Maven (mvn) is needed to fetch Kafka's jars: apt-get install -y maven"
    say "kafka: resolving broker jars with Maven (first run only)" >&2
    mvn -q -B -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cp" >"$KAFKA_DIR/maven.log" 2>&1 \
      || fail "kafka: Maven could not resolve the broker jars; see $KAFKA_DIR/maven.log"
    echo "$sum" >"$stamp"
  fi
  cat "$cp"
}

kafka_write_config() {
  cat >"$KAFKA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
  cat >"$KAFKA_DIR/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$KAFKA_DIR/logs/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
PROPS
}

kafka_client_installed() {
  # kafka_ready asks with kafkajs from the project's node_modules: without it every broker would look dead.
  command -v node >/dev/null 2>&1 || fail "Node.js 20 or newer is needed (the Kafka readiness check runs on it): see README.md, Quick start"
  (cd "$ROOT" && node -e 'require.resolve("kafkajs")' 2>/dev/null) \
    || fail "kafka: the readiness check needs kafkajs from node_modules, which is not installed in $ROOT: run \`npm ci\` first, then \`npm run infra:up\` again"
}

kafka_ready() {
  # The port alone is not enough: wait until the broker answers a metadata request.
  (cd "$ROOT" && node -e '
    const { Kafka, logLevel } = require("kafkajs");
    const admin = new Kafka({ brokers: ["127.0.0.1:'"$KAFKA_PORT"'"], logLevel: logLevel.NOTHING,
      retry: { retries: 0 }, connectionTimeout: 2000 }).admin();
    admin.connect().then(() => admin.describeCluster()).then(() => process.exit(0), () => process.exit(1));
  ' 2>/dev/null)
}

kafka_up() {
  mkdir -p "$KAFKA_DIR/logs"
  if kafka_ours_running && port_open "$KAFKA_PORT"; then say "kafka: answering on 127.0.0.1:$KAFKA_PORT (started by infra:up)"; return; fi
  kafka_client_installed
  if port_open "$KAFKA_PORT"; then
    kafka_ready || fail "something answers on 127.0.0.1:$KAFKA_PORT but it is not a Kafka broker (no answer to a metadata request); stop it or set KAFKA_PORT"
    say "kafka: answering on 127.0.0.1:$KAFKA_PORT (not started by infra:up)"; return
  fi
  command -v java >/dev/null 2>&1 || fail "Java 17 or newer is needed to run Kafka: apt-get install -y openjdk-17-jre-headless"
  local cp; cp="$(kafka_classpath)"
  kafka_write_config
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    say "kafka: formatting storage in $KAFKA_DIR/data"
    java -cp "$cp" -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" kafka.tools.StorageTool format \
      -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)" \
      -c "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/logs/format.log" 2>&1 \
      || fail "kafka: formatting storage failed; see $KAFKA_DIR/logs/format.log"
  fi
  say "kafka: starting a single-node KRaft broker (heap $KAFKA_HEAP)"
  # setsid: the broker outlives this script and the shell that ran it, and gets none of its signals.
  setsid nohup java -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" -Dkafka.logs.dir="$KAFKA_DIR/logs" \
    -cp "$cp" kafka.Kafka "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/logs/stdout.log" 2>&1 </dev/null &
  echo $! >"$KAFKA_DIR/kafka.pid"
  local deadline=$((SECONDS + KAFKA_WAIT_SECONDS))
  until port_open "$KAFKA_PORT" && kafka_ready; do
    kafka_ours_running || fail "kafka: the broker exited while starting; see $KAFKA_DIR/logs/stdout.log and server.log"
    [ "$SECONDS" -lt "$deadline" ] || fail "kafka: not answering after ${KAFKA_WAIT_SECONDS}s; see $KAFKA_DIR/logs/"
    sleep 1
  done
  say "kafka: answering on 127.0.0.1:$KAFKA_PORT"
}

kafka_down() {
  if ! kafka_ours_running; then rm -f "$KAFKA_DIR/kafka.pid"; say "kafka: not running from infra:up"; return; fi
  local pid; pid="$(kafka_pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; say "kafka: killed (did not stop within 30s)"; else say "kafka: stopped"; fi
  rm -f "$KAFKA_DIR/kafka.pid"
}

status() {
  local code=0 who
  if pg_answers; then who=$([ -f "$STATE/postgres.started" ] && echo "started by infra:up" || echo "system"); say "postgres: up   127.0.0.1:$PG_PORT ($who)"; else say "postgres: DOWN 127.0.0.1:$PG_PORT"; code=1; fi
  if redis_answers; then who=$([ -f "$STATE/redis.started" ] && echo "started by infra:up" || echo "system"); say "redis:    up   127.0.0.1:$REDIS_PORT ($who)"; else say "redis:    DOWN 127.0.0.1:$REDIS_PORT"; code=1; fi
  if port_open "$KAFKA_PORT" && kafka_ready; then who=$(kafka_ours_running && echo "started by infra:up, pid $(kafka_pid)" || echo "not ours"); say "kafka:    up   127.0.0.1:$KAFKA_PORT ($who)"; else say "kafka:    DOWN 127.0.0.1:$KAFKA_PORT"; code=1; fi
  return $code
}

mkdir -p "$STATE"
case "${1:-}" in
  up) pg_up; redis_up; kafka_up ;;
  down) kafka_down; redis_down; pg_down ;;
  status) status ;;
  kafka-up) kafka_up ;;
  kafka-down) kafka_down ;;
  *) fail "usage: $0 up|down|status|kafka-up|kafka-down" ;;
esac
