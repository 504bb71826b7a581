#!/usr/bin/env bash
# Runs every service in the background against the local infrastructure.
#   scripts/stack.sh up     infra:up, build, create the database, migrate, start services, wait until healthy
#   scripts/stack.sh down   stop the services this script started (SIGTERM, then wait)
# Environment variables (DATABASE_URL, REDIS_URL, KAFKA_BROKERS, LOG_LEVEL, ...) are passed on to the services;
# ALERT_SETTLE_SECONDS sets how long the rules engine holds an absence verdict pending (its default: 900).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.infra/stack"
SERVICES=(roster-service wage-account-service rules-engine alert-service report-service enforcement-service gateway)
declare -A PORTS=([roster-service]=3001 [wage-account-service]=3002 [rules-engine]=3003 [alert-service]=3004 [report-service]=3005 [enforcement-service]=3006 [gateway]=8080)
MIGRATED=(roster-service wage-account-service rules-engine alert-service report-service enforcement-service)

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wage}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"

# Development secrets, made once per checkout and kept in .infra/stack/secrets.env (git-ignored); any variable
# already set in the environment wins. Production takes them from its secret store, never from here.
rand32() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }

dev_secrets() {
  local file="$STATE/secrets.env"
  mkdir -p "$STATE"
  touch "$file" && chmod 600 "$file"
  # Add whatever this checkout's file lacks (a variable added by a newer version of the platform, say).
  add() { grep -q "^$1=" "$file" || echo "$1=$2" >>"$file"; }
  add ADMIN_API_KEY "dev-admin-$(head -c 18 /dev/urandom | base64 | tr -d '\n/+=')"
  add JWT_SECRET "$(rand32)"
  add PII_ENCRYPTION_KEYS "k1:$(rand32)"
  add PII_ACTIVE_KEY_ID k1
  add BLIND_INDEX_KEY "$(rand32)"
  add WEBHOOK_SIGNING_SECRET "$(rand32)"
  add METRICS_TOKEN "dev-metrics-$(head -c 18 /dev/urandom | base64 | tr -d '\n/+=')"
  add SMS_API_SECRET "dev-sms-$(head -c 18 /dev/urandom | base64 | tr -d '\n/+=')"
  # Split at the first `=` only: `IFS='=' read name value` would drop a trailing `=` (base64 padding).
  local line name
  while IFS= read -r line || [ -n "$line" ]; do
    [ -n "$line" ] && [ "${line#\#}" = "$line" ] || continue
    name="${line%%=*}"
    [ -n "${!name:-}" ] || export "$name=${line#*=}"
  done <"$file"
}

say() { printf '%s\n' "$*"; }

running() { [ -f "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }

healthy() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' "$1"; }

create_database() {
  (cd "$ROOT" && node -e '
    const { Client } = require("pg");
    const target = new URL(process.env.DATABASE_URL);
    const name = decodeURIComponent(target.pathname.slice(1));
    const server = new URL(target); server.pathname = "/postgres";
    const client = new Client({ connectionString: server.toString() });
    client.connect()
      .then(() => client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]))
      .then((r) => r.rowCount ? undefined : client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`)
        .then(() => console.log(`stack: created database ${name}`)))
      .then(() => client.end(), (e) => { console.error(`stack: cannot create database ${name}: ${e.message}`); process.exit(1); });
  ')
}

up() {
  mkdir -p "$STATE"
  dev_secrets
  bash "$ROOT/scripts/infra.sh" up
  say "stack: building the services"
  (cd "$ROOT" && npm run --silent build >/dev/null)
  create_database
  for service in "${MIGRATED[@]}"; do node "$ROOT/dist/apps/$service/main.js" migrate; done
  for service in "${SERVICES[@]}"; do
    if running "$service"; then say "stack: $service already running (pid $(cat "$STATE/$service.pid"))"; continue; fi
    PORT="${PORTS[$service]}" CONSOLE_DIR="$ROOT/dist/apps/web-console" WORKER_PORTAL_DIR="$ROOT/dist/apps/worker-portal" setsid nohup node "$ROOT/dist/apps/$service/main.js" >"$STATE/$service.log" 2>&1 </dev/null &
    echo $! >"$STATE/$service.pid"
  done
  for service in "${SERVICES[@]}"; do
    local url="http://127.0.0.1:${PORTS[$service]}/health" deadline=$((SECONDS + 60))
    until healthy "$url"; do
      running "$service" || { say "stack: $service exited; its log:"; tail -n 30 "$STATE/$service.log"; exit 1; }
      [ "$SECONDS" -lt "$deadline" ] || { say "stack: $service not healthy after 60s; see $STATE/$service.log"; exit 1; }
      sleep 0.5
    done
    say "stack: $service healthy on http://127.0.0.1:${PORTS[$service]}"
  done
  say ""
  say "The platform is up. Gateway: http://127.0.0.1:8080   Logs: $STATE/<service>.log   Stop: npm run stack:down"
  say "Administrator key (ADMIN_API_KEY): $ADMIN_API_KEY"
  say "Absence alerts settle for ${ALERT_SETTLE_SECONDS:-900} s before they are raised (ALERT_SETTLE_SECONDS)"
}

down() {
  # SIGTERM to all at once, then wait for each: every service drains its consumers and jobs in parallel.
  local stopping=()
  for service in "${SERVICES[@]}"; do
    if running "$service"; then kill -TERM "$(cat "$STATE/$service.pid")" && stopping+=("$service"); fi
  done
  for service in "${stopping[@]}"; do
    local pid; pid="$(cat "$STATE/$service.pid")"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; say "stack: $service killed (did not stop within 30s)"; else say "stack: $service stopped"; fi
  done
  for service in "${SERVICES[@]}"; do rm -f "$STATE/$service.pid"; done
}

# Sourced (by the tests), it only defines the functions.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) say "usage: $0 up|down"; exit 1 ;;
esac
