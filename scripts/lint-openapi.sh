#!/usr/bin/env bash
# Lints the example apps' OpenAPI documents with Redocly CLI, pinned, installed on demand by npx.
#
#   scripts/lint-openapi.sh                     builds the examples jar, exports, lints
#   BRISK_SKIP_BUILD=1 scripts/lint-openapi.sh  reuses examples/target/brisk-examples.jar (e.g. after mvn verify)
#
# Passes when the documents have no errors under `--extends=minimal`, and none under Redocly's
# default `recommended` rules except `security-defined` (no route declares security yet: one such
# error per operation without security: the examples but tour-security declare none, and its token
# route needs none). Skips, successfully, when npm is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

REDOCLY="@redocly/cli@2.77.0"
APPS=(
  "hello:dev.brisk.examples.hello.HelloApp"
  "bench:dev.brisk.examples.bench.BenchApp"
  "shop:dev.brisk.examples.shop.ShopApp"
  "tour-security:dev.brisk.examples.tour.SecurityRoutes"
)
JAR=examples/target/brisk-examples.jar

if ! command -v npx >/dev/null 2>&1; then
  echo "lint-openapi: npm/npx not found; skipping the OpenAPI lint"
  exit 0
fi

if [ "${BRISK_SKIP_BUILD:-0}" != "1" ] || [ ! -f "$JAR" ]; then
  echo "lint-openapi: building $JAR"
  mvn -q -B -ntp -pl examples -am package -DskipTests
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
files=()
for app in "${APPS[@]}"; do
  name="${app%%:*}"
  java -cp "$JAR" dev.brisk.examples.ExportOpenApi "${app#*:}" "$out/$name.json" >/dev/null
  files+=("$name.json")
done

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false
# Run where the documents are, so that no redocly.yaml from elsewhere changes the rules.
redocly() { (cd "$out" && npx --yes "$REDOCLY" "$@") 2>&1 | grep -v '[║╔╚]' ; return "${PIPESTATUS[0]}"; }

status=0
echo "== redocly lint --extends=minimal (must have no errors)"
redocly lint --extends=minimal --format=summary "${files[@]}" || status=1

echo "== redocly lint, recommended rules (report only: security-defined errors are expected)"
redocly lint --format=summary "${files[@]}" || true

echo "== redocly lint, recommended rules but security-defined (must have no errors)"
redocly lint --skip-rule=security-defined --format=summary "${files[@]}" || status=1

if [ "$status" -ne 0 ]; then
  echo "lint-openapi: FAILED"
else
  echo "lint-openapi: OK"
fi
exit "$status"
