#!/usr/bin/env bash
# `npm test`: every suite CI runs (unit, integration, end-to-end), starting what it needs.
#   - With a Docker engine (and TEST_INFRA not set to local): testcontainers starts PostgreSQL, Redis and Kafka.
#   - Otherwise: the local services, started by scripts/infra.sh if they are not running (Kafka included).
# The end-to-end tests run the built services, so the apps are built first.
# Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${TEST_INFRA:-}" != "local" ] && docker info >/dev/null 2>&1; then
  export TEST_INFRA=containers
  echo "test: a Docker engine answers; testcontainers provides PostgreSQL, Redis and Kafka"
else
  export TEST_INFRA=local
  bash scripts/infra.sh up
fi

# The web console's browser tests drive Debian's Chromium: no browser is downloaded from outside the registries.
# A CJK font makes the Chinese interface legible in the screenshots the tests save; enforcement-service sets its
# case documents (PDF) in this one (PDF_FONT_PATH's default).
if ! command -v chromium >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing Debian's chromium and a CJK font for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    echo "test: the browser tests need Chromium: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

echo "test: building the services"
npm run --silent build >/dev/null

# Integration tests mostly wait on I/O: more workers than cores keeps the machine busy.
exec npx jest --maxWorkers="${JEST_WORKERS:-3}" "$@"
