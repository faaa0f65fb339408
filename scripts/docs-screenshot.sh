#!/usr/bin/env bash
# Loads /docs of the shop example in headless Chromium (Debian's package), checks that Swagger UI
# rendered the app's operations from the locally served files, and saves a screenshot (with one
# operation opened through Swagger UI's deep link).
#
#   scripts/docs-screenshot.sh                     builds the examples jar, installs chromium if it can
#   BRISK_SKIP_BUILD=1 scripts/docs-screenshot.sh  reuses examples/target/brisk-examples.jar
#   SCREENSHOT=path.png scripts/docs-screenshot.sh writes elsewhere than docs/images/swagger-ui.png
#
# Skips, successfully, when Chromium is not installed and cannot be (not root, no apt-get, no network).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=examples/target/brisk-examples.jar
SHOT="${SCREENSHOT:-docs/images/swagger-ui.png}"

if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "docs-screenshot: installing chromium"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 || true
  fi
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "docs-screenshot: chromium is not available; skipping"
  exit 0
fi

if [ "${BRISK_SKIP_BUILD:-0}" != "1" ] || [ ! -f "$JAR" ]; then
  echo "docs-screenshot: building $JAR"
  mvn -q -B -ntp -pl examples -am package -DskipTests
fi

# A free loopback port.
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "docs-screenshot: no free port"; exit 1; }

work="$(mktemp -d)"
java -jar "$JAR" shop --port "$port" >"$work/app.log" 2>&1 &
app_pid=$!
cleanup() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/openapi.json" -o /dev/null 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; echo "docs-screenshot: the app did not start"; exit 1; }
  sleep 0.2
done

url="http://127.0.0.1:$port/docs"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --window-size=1280,1600 --virtual-time-budget=10000)

chromium "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" --dump-dom "$url" >"$work/dom.html" 2>"$work/chromium.log" || true
missing=0
for expected in 'class="swagger-ui' 'opblock-summary-path' 'data-path="/items"' 'data-path="/items/{id}"' \
                'data-path="/admin/items/{id}"' '>Shop<' 'Items CRUD'; do
  if ! grep -qF "$expected" "$work/dom.html"; then echo "docs-screenshot: not rendered: $expected"; missing=1; fi
done
if [ "$missing" -ne 0 ]; then
  echo "--- chromium log"; tail -20 "$work/chromium.log"
  exit 1
fi
echo "docs-screenshot: Swagger UI rendered $(grep -o 'class="opblock opblock-' "$work/dom.html" | wc -l) operations"

mkdir -p "$(dirname "$SHOT")"
chromium "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" --hide-scrollbars --screenshot="$SHOT" "$url#/items/list" >/dev/null 2>&1
[ -s "$SHOT" ] || { echo "docs-screenshot: no screenshot written"; exit 1; }
echo "docs-screenshot: saved $SHOT"
