#!/usr/bin/env bash
# Logs in through Swagger UI's Authorize dialog in headless Chromium (Debian's package) driven by
# playwright-core (npm, pinned, installed into a temporary folder): the OAuth2 password flow of the
# tour's security routes, HTTP Basic and the API key, then calls each protected operation with
# "Try it out" and checks the answers (200, and 403 for the route that needs a scope alice lacks).
# Everything is served by the app itself: a request that leaves it fails the check.
#
#   scripts/swagger-authorize-check.sh                     builds the examples jar, installs what it can
#   BRISK_SKIP_BUILD=1 scripts/swagger-authorize-check.sh  reuses examples/target/brisk-examples.jar
#   SCREENSHOT=path.png scripts/swagger-authorize-check.sh also saves a screenshot
#
# Skips, successfully, when Chromium or npm is not installed and cannot be (not root, no apt-get, no network).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=examples/target/brisk-examples.jar
PLAYWRIGHT="playwright-core@1.65.1"
APP=dev.brisk.examples.tour.SecurityRoutes

if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "swagger-authorize: installing chromium"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 || true
  fi
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "swagger-authorize: chromium is not available; skipping"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "swagger-authorize: node/npm not found; skipping"
  exit 0
fi

if [ "${BRISK_SKIP_BUILD:-0}" != "1" ] || [ ! -f "$JAR" ]; then
  echo "swagger-authorize: building $JAR"
  mvn -q -B -ntp -pl examples -am package -DskipTests
fi

work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# playwright-core only (it downloads no browser): Debian's Chromium is the browser.
export NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
if ! (cd "$work" && npm install --silent --no-save --no-package-lock "$PLAYWRIGHT" >"$work/npm.log" 2>&1); then
  tail -5 "$work/npm.log"
  echo "swagger-authorize: cannot install $PLAYWRIGHT; skipping"
  exit 0
fi
cp scripts/swagger-authorize-check.mjs "$work/check.mjs"

port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "swagger-authorize: no free port"; exit 1; }

java -cp "$JAR" "$APP" --port "$port" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/openapi.json" -o /dev/null 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; echo "swagger-authorize: the app did not start"; exit 1; }
  sleep 0.2
done

if ! (cd "$work" && timeout 180 node check.mjs "http://127.0.0.1:$port" "$(command -v chromium)" "${SCREENSHOT:-}"); then
  echo "--- app log"; tail -20 "$work/app.log"
  exit 1
fi
