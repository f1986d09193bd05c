#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS 3 cluster for the side-by-side benchmarks, on 127.0.0.1 only.
#
#   bench/postgis.sh start    installs postgresql-15-postgis-3 with apt if missing, initdb's a cluster in
#                             bench/target/postgis, starts it on a free port and creates the databases
#                             gridbench (with PostGIS), flowable and onegrid; prints the port.
#                             pg_stat_statements is loaded, so the loops can count their statements
#   bench/postgis.sh port     the port of the running cluster
#   bench/postgis.sh stop     stops it and removes its data directory
#
# PostgreSQL refuses to run as root, so when run as root the cluster belongs to the user "postgres".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$here/target/postgis"
data="$dir/data"
pgbin=/usr/lib/postgresql/15/bin

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_if_missing() {
  if [ -x "$pgbin/postgres" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then
    return
  fi
  echo "Installing postgresql-15-postgis-3 (apt)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # the Debian package would also create and start a system-wide cluster; we want only our own
  mkdir -p /etc/postgresql-common
  if ! grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf; then
    echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
  fi
  apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 >&2
}

free_port() {
  # a random port in the dynamic range that nothing answers on
  local p
  for p in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "No free port found on 127.0.0.1" >&2
  exit 1
}

psql_() {
  as_owner "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(cat "$dir/port")" -U postgres "$@"
}

start() {
  install_if_missing
  if [ -f "$data/postmaster.pid" ] && as_owner "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    cat "$dir/port"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  # the owner must reach the data directory through every parent
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    if ! runuser -u postgres -- test -x "$dir"; then
      echo "The user postgres cannot reach $dir; run the benchmarks from a directory others can read." >&2
      exit 1
    fi
  fi
  as_owner "$pgbin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  port=$(free_port)
  echo "$port" >"$dir/port"
  # Settings of a small dedicated database server: enough memory for the grid table and the loops'
  # working set; durability as a production server has it (fsync and synchronous commit on).
  as_owner "$pgbin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=100 \
     -c shared_buffers=1GB -c work_mem=32MB -c max_wal_size=4GB -c jit=off \
     -c shared_preload_libraries=pg_stat_statements" >&2
  psql_ -d postgres -c "CREATE DATABASE gridbench" -c "CREATE DATABASE flowable" -c "CREATE DATABASE onegrid"
  psql_ -d gridbench -c "CREATE EXTENSION postgis"
  # counts of statements for the loop comparisons (read from the postgres database)
  psql_ -d postgres -c "CREATE EXTENSION pg_stat_statements"
  echo "$port"
}

stop() {
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$pgbin/pg_ctl" -D "$data" -w -m fast stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  port) cat "$dir/port" ;;
  stop) stop ;;
  *)
    echo "usage: bench/postgis.sh start|port|stop" >&2
    exit 2
    ;;
esac
