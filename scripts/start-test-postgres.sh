#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the history store's tests and prints its URL on the
# last line of stdout (everything else goes to stderr), e.g.
#   export WECOM_TEST_PG_URL=$(bash scripts/start-test-postgres.sh)
# Installs Debian's postgresql package when no server is found. The cluster lives in a temp
# directory, listens on 127.0.0.1 and a free port, trusts local connections (tests only), and is
# stopped by `bash scripts/start-test-postgres.sh --stop DIR` or when the machine goes away.
set -euo pipefail

log() { echo "start-test-postgres: $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if [ "${1:-}" = "--stop" ]; then
  bindir=$(find_bindir)
  runuser -u postgres -- "$bindir/pg_ctl" -D "$2/data" -m fast stop >&2 || true
  exit 0
fi

if ! bindir=$(find_bindir); then
  log "installing postgresql (apt-get)"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  bindir=$(find_bindir)
fi

# initdb refuses to run as root: the cluster belongs to the `postgres` user the package creates
# (or to the current user when not root).
if [ "$(id -u)" -eq 0 ]; then
  run_pg() { runuser -u postgres -- "$@"; }
  owner=postgres
else
  run_pg() { "$@"; }
  owner=$(id -un)
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
base=$(mktemp -d /tmp/wecom-test-pg.XXXXXX)
chown "$owner" "$base"
log "cluster in $base on port $port ($("$bindir/postgres" --version))"
run_pg "$bindir/initdb" -D "$base/data" -U postgres -A trust --no-sync >"$base/initdb.log" 2>&1 ||
  { cat "$base/initdb.log" >&2; exit 1; }
run_pg "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
  -o "-p $port -k $base -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2 ||
  { cat "$base/server.log" >&2; exit 1; }
run_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres wecom_test >&2
log "started; stop with: bash scripts/start-test-postgres.sh --stop $base"
echo "postgres://postgres@127.0.0.1:$port/wecom_test"
