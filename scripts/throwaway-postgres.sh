#!/usr/bin/env bash
# A throwaway Postgres cluster for tests: `start DIR` creates and starts one in DIR on a free
# port and prints its URL (postgres://closedloop@127.0.0.1:PORT/closedloop, no password, local
# trust auth); `stop DIR` stops it and deletes DIR.
set -euo pipefail

bin_dir() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$found" ] && [ -x "$found/pg_ctl" ] || { echo "no Postgres server binaries (apt-get install postgresql)" >&2; exit 1; }
  echo "$found"
}

# Postgres will not run as root: as root, run it as `postgres` (Debian's package creates it),
# else as a system user created for this.
owner() {
  if id -u postgres >/dev/null 2>&1; then echo postgres; return; fi
  id -u closedloop-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin closedloop-pg
  echo closedloop-pg
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$(owner)" -- "$@"; else "$@"; fi
}

cmd=${1:?usage: throwaway-postgres.sh start|stop DIR}
dir=${2:?usage: throwaway-postgres.sh start|stop DIR}
case "$cmd" in
  start)
    bin=$(bin_dir)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown "$(owner)" "$dir"; fi
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$bin/initdb" -D "$dir/data" -U closedloop --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U closedloop closedloop
    echo "postgres://closedloop@127.0.0.1:$port/closedloop"
    ;;
  stop)
    bin=$(bin_dir)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: throwaway-postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
