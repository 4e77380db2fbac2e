#!/usr/bin/env bash
# Issue 12's end-to-end proof, in a scratch copy of this checkout: add two throwaway providers with the
# one command (a Swagger 2.0 file with @id paths, an OpenAPI 3.0 YAML file with /api-prefixed paths and
# `security: []` on its login; fixtures written for the pipeline's tests, not vendor seeds), then show
# their specs validate, their packages build and pass publint/attw, the api-reports check writes their
# first API reports and passes, the contract suite reports them at 100%, the consumer checks cover them; then remove the folders and show nothing of them is left.
# Installs prefer pnpm's store (--prefer-offline), and may change the lockfile (CI=true makes pnpm freeze it by default). Exit 1 on the first failed check.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
logs="$(mktemp -d)"   # outside the scratch copy, whose files must match the start at the end
# KEEP_SCRATCH=1 leaves the scratch copy for a look after a failure
trap '[ -n "${KEEP_SCRATCH:-}" ] && echo "scratch kept: $scratch, logs: $logs" || rm -rf "$scratch" "$logs"' EXIT
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
fixtures=scripts/test/fixtures/new-providers
fail() { echo "check-new-provider: FAILED: $*" >&2; exit 1; }
step() { echo "check-new-provider: [$SECONDS s] $*"; }

cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$scratch"
# turbo's cache of this checkout's build, so only what the new providers change is built again
[ -d "$repo/.turbo/cache" ] && mkdir -p "$scratch/.turbo" && cp -R "$repo/.turbo/cache" "$scratch/.turbo/"
cd "$scratch"
git init -q && git add -A && git -c user.name=check -c user.email=check@example.com commit -qm scratch
pnpm install --frozen-lockfile --offline --silent >/dev/null

step "adding two providers with pnpm new-provider"
pnpm --silent new-provider kestrel-e2e "$fixtures/swagger-at-id/source/swagger.json" > "$logs/new1.log" 2>&1 || { cat "$logs/new1.log"; fail "new-provider kestrel-e2e"; }
pnpm --silent new-provider nimbus-e2e "$fixtures/openapi30-yaml/source/openapi.yaml" > "$logs/new2.log" 2>&1 || { cat "$logs/new2.log"; fail "new-provider nimbus-e2e"; }
cmp -s "$fixtures/swagger-at-id/source/swagger.json" specs/kestrel-e2e/source/swagger.json || fail "the Swagger file was not copied byte for byte"
cmp -s "$fixtures/openapi30-yaml/source/openapi.yaml" specs/nimbus-e2e/source/openapi.yaml || fail "the YAML file was not copied byte for byte"
for p in kestrel-e2e nimbus-e2e; do
  [ -f "specs/$p/openapi.json" ] || fail "specs/$p/openapi.json was not generated"
  [ ! -d "specs/$p/patches" ] || fail "specs/$p has patches: it must build with zero"
  [ -f "packages/$p/src/operations.ts" ] || fail "packages/$p was not generated"
done

step "install, build (ESM, CJS, types) and lint (tsc, publint, attw)"
pnpm install --prefer-offline --no-frozen-lockfile > "$logs/install.log" 2>&1 || { tail -30 "$logs/install.log"; fail "pnpm install after adding"; }
pnpm run build --output-logs=errors-only > "$logs/build.log" 2>&1 || { tail -50 "$logs/build.log"; fail "pnpm build"; }
for p in kestrel-e2e nimbus-e2e; do
  for f in index.js index.cjs index.d.ts index.d.cts; do [ -f "packages/$p/dist/$f" ] || fail "packages/$p/dist/$f missing"; done
  pnpm --filter "@hostbill-api/$p" --silent run lint > "$logs/lint-$p.log" 2>&1 || { cat "$logs/lint-$p.log"; fail "lint of @hostbill-api/$p"; }
  node -e "const m=require('@hostbill-api/$p'); if (typeof m.createClient!=='function') process.exit(1)" 2>/dev/null \
    || (cd packages/runtime && node -e "const m=require('$scratch/packages/$p/dist/index.cjs'); if (typeof m.createClient!=='function') process.exit(1)") || fail "require() of @hostbill-api/$p gives no createClient"
done

step "API reports: the first check writes each new package's (nothing else makes it), the next holds it to it"
api() { pnpm --filter @hostbill-api/api-reports --silent exec tsx src/api-reports.ts --check kestrel-e2e nimbus-e2e; }
api > "$logs/api.log" 2>&1 || { cat "$logs/api.log"; fail "api-reports check of the new packages"; }
for p in kestrel-e2e nimbus-e2e; do
  [ -f "packages/$p/api/$p.api.md" ] || fail "packages/$p/api/$p.api.md was not written by the first check"
  grep -q "@hostbill-api/$p first report written" "$logs/api.log" || { cat "$logs/api.log"; fail "the api-reports check did not cover $p"; }
done
api > "$logs/api2.log" 2>&1 || { cat "$logs/api2.log"; fail "api-reports check after the first report"; }
[ "$(grep -c 'unchanged$' "$logs/api2.log")" = 2 ] || { cat "$logs/api2.log"; fail "the second api-reports check did not find both reports unchanged"; }

step "contract suite and consumer checks cover them"
pnpm --filter @hostbill-api/contract-tests --silent run test > "$logs/contract.log" 2>&1 || { tail -60 "$logs/contract.log"; fail "contract suite"; }
for p in kestrel-e2e nimbus-e2e; do
  line=$(grep -Eo "contract: $p [0-9]+/[0-9]+ operations" "$logs/contract.log" | head -1) || fail "no contract line for $p"
  n=${line#contract: $p }; n=${n% operations}
  [ "${n%/*}" = "${n#*/}" ] || fail "$line (not 100%)"
  step "  $line"
done
(cd tests/consumer && pnpm exec tsc -p tsconfig.json && pnpm exec vitest run --reporter=verbose) > "$logs/consumer.log" 2>&1 || { tail -40 "$logs/consumer.log"; fail "consumer checks"; }
for p in kestrel-e2e nimbus-e2e; do grep -q "@hostbill-api/$p operation functions" "$logs/consumer.log" || fail "the consumer checks did not cover $p"; done

step "removing them removes them everywhere"
rm -rf specs/kestrel-e2e specs/nimbus-e2e
pnpm run generate --output-logs=errors-only > "$logs/remove.log" 2>&1 || { cat "$logs/remove.log"; fail "pnpm generate after removal"; }
pnpm install --prefer-offline --no-frozen-lockfile > "$logs/install2.log" 2>&1 || { tail -30 "$logs/install2.log"; fail "pnpm install after removing"; }
git add -A >/dev/null
# the lockfile must name neither provider; its other lines may move when an install resolves a range anew
# (seen once in 2 lines, with no trace of either provider), which is no leftover of theirs
if grep -qE "kestrel-e2e|nimbus-e2e" pnpm-lock.yaml; then fail "pnpm-lock.yaml still names a removed provider"; fi
if ! git diff --cached --quiet -- . ':(exclude)pnpm-lock.yaml'; then git diff --cached --stat -- . ':(exclude)pnpm-lock.yaml' >&2; fail "files changed after removing both providers"; fi
git diff --cached --quiet -- pnpm-lock.yaml || { step "  note: pnpm-lock.yaml lines moved (no provider named):"; git diff --cached -- pnpm-lock.yaml | grep -E '^[-+][^-+]' | head -8; }
step "ok"
