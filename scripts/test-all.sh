#!/usr/bin/env bash
# `npm test`: every check and test runner, then one summary line `N passed, N failed`.
# Integration tests run on embedded PGlite, and again on PostgreSQL when
# TEST_DATABASE_URL is set (CI sets it). End-to-end tests run in Chromium against the
# production build.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/*.json test-results/checks.txt
status=0

check() { # name, command...
  local name=$1; shift
  echo "── $name"
  if "$@"; then echo "$name passed" >> test-results/checks.txt; else echo "$name failed" >> test-results/checks.txt; status=1; fi
}

# The three checks are single-threaded: run side by side on the two cores, each one's output
# printed in turn when all are done.
checks_dir=$(mktemp -d)
check "typecheck" npx tsc --noEmit > "$checks_dir/typecheck" 2>&1 &
check "lint" npx eslint --max-warnings 0 . > "$checks_dir/lint" 2>&1 &
check "format" npx prettier --check --log-level warn . > "$checks_dir/format" 2>&1 &
wait
cat "$checks_dir/typecheck" "$checks_dir/lint" "$checks_dir/format"
rm -rf "$checks_dir"
grep -q " failed$" test-results/checks.txt && status=1

echo "── vitest (PGlite)"
env -u TEST_DATABASE_URL npx vitest run --outputFile.json=test-results/vitest-pglite.json || status=1

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # Unit tests do not touch the database; only the integration tests run again here.
  echo "── vitest (PostgreSQL)"
  # The several-servers test needs the production build, which the e2e run makes: it runs after it.
  npx vitest run tests/integration --exclude tests/integration/several-servers.test.ts --outputFile.json=test-results/vitest-postgres.json || status=1
fi

if [ "${SKIP_E2E:-0}" != "1" ]; then
  echo "── playwright (Chromium)"
  npx playwright test || status=1
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    echo "── vitest (several servers on PostgreSQL and S3)"
    MADOGUCHI_REQUIRE_SEVERAL_SERVERS=1 npx vitest run tests/integration/several-servers.test.ts --outputFile.json=test-results/vitest-several-servers.json || status=1
  fi
fi

node scripts/sum-results.mjs || status=1
exit $status
