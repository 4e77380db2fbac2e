#!/usr/bin/env bash
# Shows that turbo's cache is scoped per provider: in a scratch copy of this checkout, change one
# vendor file (HT Moni's Swagger: the summary of GET /logs, an operation the union takes from HT Moni),
# regenerate the specs, and ask turbo which `generate` tasks (openapi-typescript) must run again.
# Expected: @hostbill-api/htmoni and @hostbill-api/hostbill miss; pio-hosting and hostens hit.
# Exit 1 if any other set of tasks misses. Needs only pnpm's store (the install is --offline).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$scratch"
cd "$scratch"
git init -q && git add -A && git -c user.name=check -c user.email=check@example.com commit -qm scratch
pnpm install --frozen-lockfile --offline --silent >/dev/null
turbo=(pnpm exec turbo)

"${turbo[@]}" run specs --output-logs=none >/dev/null
"${turbo[@]}" run generate --output-logs=none >/dev/null   # fills the scratch cache

swagger=specs/htmoni/source/004_063d4a0f9d81ddef.txt
node -e '
  const fs = require("fs"), crypto = require("crypto");
  const [file, config] = process.argv.slice(1);
  const text = fs.readFileSync(file, "utf8").replace("\"summary\": \"User Logs\"", "\"summary\": \"User Logs (all of them)\"");
  fs.writeFileSync(file, text);
  const c = JSON.parse(fs.readFileSync(config, "utf8"));
  c.sha256["source/" + file.split("/").pop()] = crypto.createHash("sha256").update(text).digest("hex");
  fs.writeFileSync(config, JSON.stringify(c, null, 2) + "\n");
' "$swagger" specs/htmoni/provider.json
"${turbo[@]}" run specs --output-logs=none >/dev/null
echo "specs changed by the edit: $(git status --porcelain -- 'specs/*/openapi.json' | awk '{print $2}' | tr '\n' ' ')"

"${turbo[@]}" run generate --dry=json >dry.json
misses="$(node -e '
  const tasks = require("./dry.json").tasks.filter((t) => t.command !== "<NONEXISTENT>");
  for (const t of tasks) console.error(`  ${t.taskId}: ${t.cache.status}`);
  console.log(tasks.filter((t) => t.cache.status !== "HIT").map((t) => t.taskId).sort().join(" "));
')"
"${turbo[@]}" run generate --output-logs=hash-only | grep -E 'cache (hit|miss)|Tasks:|Cached:'
expected="@hostbill-api/hostbill#generate @hostbill-api/htmoni#generate"
if [ "$misses" != "$expected" ]; then
  echo "FAILED: generate misses were [$misses], expected [$expected]" >&2
  exit 1
fi
echo "ok: one provider's vendor change regenerates that provider's types and the union's only"
