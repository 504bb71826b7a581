#!/usr/bin/env bash
# `npm run demo`: the platform with a simulated district, from a fresh clone after `npm ci`.
#   infrastructure → a mail catcher → every service (built, migrated, started) → demo users → the simulator pushes
#   ~100 projects over three months with injected violations through the public API → the settle period → evaluation
#   → a summary of alerts (every one ever raised) and notifications against the ground truth, and coverage by region
#   → stays up until Ctrl-C, then shuts everything down.
# Each run uses a fresh database (wage_demo) and its own Kafka topic and job prefixes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.infra/demo"
RUN_ID="$(date +%Y%m%d%H%M%S)"
PROJECTS="${DEMO_PROJECTS:-100}"
mkdir -p "$STATE"

export DATABASE_URL="postgres://postgres@127.0.0.1:5432/wage_demo"
export KAFKA_TOPIC_PREFIX="demo-$RUN_ID."
export BULLMQ_PREFIX="demo-$RUN_ID"
export SMTP_URL="smtp://127.0.0.1:1025"
export CONSOLE_BASE_URL="http://127.0.0.1:8080"
export BOOTSTRAP_ADMIN_USERNAME="admin" BOOTSTRAP_ADMIN_PASSWORD="demo-admin-password"
export GATEWAY_RATE_LIMIT_PER_MINUTE=20000
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# Absence verdicts (no payment, no sheet, ...) stay pending this long before they are raised: comfortably longer
# than one project's data take to arrive (up to a minute on a busy 2-core machine), short enough for a quick start.
export ALERT_SETTLE_SECONDS="${ALERT_SETTLE_SECONDS:-180}"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

CATCHER_PID=""
SMS_CATCHER_PID=""
shutdown() {
  trap - EXIT INT TERM
  step "shutting down"
  bash "$ROOT/scripts/stack.sh" down || true
  [ -n "$CATCHER_PID" ] && kill "$CATCHER_PID" 2>/dev/null || true
  [ -n "$SMS_CATCHER_PID" ] && kill "$SMS_CATCHER_PID" 2>/dev/null || true
  echo "Stopped. (The infrastructure stays up; npm run infra:down stops what infra:up started.)"
  exit 0
}
trap shutdown EXIT INT TERM

step "1/6 infrastructure (PostgreSQL, Redis, Kafka)"
bash "$ROOT/scripts/infra.sh" up
bash "$ROOT/scripts/stack.sh" down >/dev/null

step "2/6 mail catcher"
node "$ROOT/scripts/mail-catcher.mjs" 1025 8025 >"$STATE/mail-catcher.log" 2>&1 &
CATCHER_PID=$!
sleep 0.5
kill -0 "$CATCHER_PID" 2>/dev/null || { cat "$STATE/mail-catcher.log"; echo "demo: ports 1025/8025 are taken?"; exit 1; }
cat "$STATE/mail-catcher.log"

step "3/6 a fresh demo database, then every service (build, migrate, start)"
(cd "$ROOT" && node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
  c.connect().then(() => c.query("DROP DATABASE IF EXISTS wage_demo WITH (FORCE)")).then(() => c.end());
')
bash "$ROOT/scripts/stack.sh" up
# The secrets stack:up generated for this checkout (the administrator key among them).
set -a; . "$ROOT/.infra/stack/secrets.env"; set +a
# Workers' sign-in codes: roster-service sends them to this catcher (SMS_PROVIDER_URL's default), which checks the
# signature with the stack's SMS_API_SECRET.
node "$ROOT/scripts/sms-catcher.mjs" 8026 >"$STATE/sms-catcher.log" 2>&1 &
SMS_CATCHER_PID=$!
sleep 0.5
kill -0 "$SMS_CATCHER_PID" 2>/dev/null || { cat "$STATE/sms-catcher.log"; echo "demo: port 8026 is taken?"; exit 1; }
cat "$STATE/sms-catcher.log"

step "4/6 demo users"
(cd "$ROOT" && node -e '
  const key = process.env.ADMIN_API_KEY;
  const users = [
    { username: "inspector", password: "demo-inspector-password", role: "INSPECTOR", regionCode: "350206", displayName: "思明区监察员", email: "inspector@demo.local" },
    { username: "leader", password: "demo-leader-password", role: "LEADER", regionCode: "350200", displayName: "厦门市领导", email: "leader@demo.local" },
  ];
  (async () => {
    for (const user of users) {
      const r = await fetch("http://127.0.0.1:8080/api/v1/users", {
        method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(user) });
      if (r.status !== 201 && r.status !== 409) throw new Error(`creating ${user.username}: ${r.status} ${await r.text()}`);
      console.log(`user ${user.username} (${user.role}, region ${user.regionCode})`);
    }
  })().catch((e) => { console.error(e.message); process.exit(1); });
')

step "5/6 simulating ${PROJECTS} projects over three months (seed 42), the ${ALERT_SETTLE_SECONDS} s settle period, then evaluating"
SIM_STATUS=0
node "$ROOT/dist/apps/simulator/main.js" --admin-key "$ADMIN_API_KEY" --projects "$PROJECTS" --months 3 \
  --seed 42 --truth "$STATE/ground-truth.json" --settle-seconds "$ALERT_SETTLE_SECONDS" \
  --mail-catcher http://127.0.0.1:8025 --sms-catcher http://127.0.0.1:8026 || SIM_STATUS=$?

step "6/6 coverage by region (latest month whose wages are due)"
(cd "$ROOT" && node -e '
  (async () => {
    const r = await fetch("http://127.0.0.1:8080/api/v1/coverage?regionCode=350200", {
      headers: { authorization: `Bearer ${process.env.ADMIN_API_KEY}` } });
    const body = await r.json();
    if (r.status !== 200) throw new Error(`${r.status} ${body.message}`);
    const names = ["realName", "wageAccount", "deposit", "bankPayroll", "monthlyFullPayment", "allSystems"];
    const row = (region, metrics, n) => [region.padEnd(8), String(n).padStart(5), ...names.map((k) => {
      const m = metrics[k]; return (m.pct === null ? "-" : `${m.pct.toFixed(1)}%`).padStart(9); })].join(" ");
    console.log(`month ${body.month}; projects in construction and the share with each safeguard`);
    console.log(["region  ", "proj.", ...["实名制", "专户", "保证金", "银行代发", "足额按月", "全部"].map((h) => h.padStart(7))].join(" "));
    console.log(row(body.regionCode, body.metrics, body.projectsInConstruction));
    for (const child of body.children ?? []) console.log(row(child.regionCode, child.metrics, child.projectsInConstruction));
  })().catch((e) => { console.error(`coverage: ${e.message}`); });
')

cat <<INFO

The demo is running.
  Console (workbench and dashboard):  http://127.0.0.1:8080
  API:                                http://127.0.0.1:8080/api/v1   (administrator key: $ADMIN_API_KEY)
  Mail catcher (alert e-mails):       http://127.0.0.1:8025
  SMS catcher (workers' codes):       http://127.0.0.1:8026
  Workers' page:                      http://127.0.0.1:8080/worker
  Logins: inspector / demo-inspector-password   (district 350206)
          leader    / demo-leader-password      (city 350200)
          admin     / demo-admin-password       (administrator)
  Ground truth: $STATE/ground-truth.json    Logs: .infra/stack/<service>.log
INFO
[ "$SIM_STATUS" = "0" ] || echo "Note: the simulator reported alerts that differ from the ground truth (see its summary above)."
echo "Press Ctrl-C to stop."
while true; do sleep 3600 & wait $!; done
