#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, the browser test and the load measurement:
#   eval "$(bash .ci/postgres.sh start)"   # installs Debian's postgresql if needed, starts a cluster
#                                         # in a new folder on a free loopback port, run as the
#                                         # `postgres` user, and prints KAOHE_TEST_POSTGRES=… and KAOHE_PG_DIR=…
#   bash .ci/postgres.sh stop             # stops it and removes the folder (KAOHE_PG_DIR)
set -euo pipefail
command=${1:-start}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

binaries() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "$command" in
start)
  if [ -z "$(binaries)" ]; then
    echo "installing postgresql (Debian)…" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1
  fi
  bin=$(binaries)
  folder=$(mktemp -d /tmp/kaohe-pg.XXXXXX)
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if [ "$(id -u)" = 0 ]; then chown postgres "$folder"; fi
  as_postgres "$bin/initdb" -D "$folder/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
    || { cat "$folder/initdb.log" >&2; exit 1; }
  as_postgres "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
    -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || { cat "$folder/server.log" >&2; exit 1; }
  echo "export KAOHE_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/postgres"
  echo "export KAOHE_PG_DIR=$folder"
  ;;
stop)
  folder=${KAOHE_PG_DIR:?KAOHE_PG_DIR names the cluster to stop}
  as_postgres "$(binaries)/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null || true
  rm -rf "$folder"
  ;;
*)
  echo "usage: bash .ci/postgres.sh start|stop" >&2
  exit 2
  ;;
esac
