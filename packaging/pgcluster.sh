# Sourced by packaging/demo.sh and packaging/linux/install-check.sh: a
# throwaway PostgreSQL cluster in a folder, listening on 127.0.0.1 only, on a
# free port, with the Akako LMS schema (exactly as Prisma creates it) and the
# demo data in a database `akako`.
#
#   pgcluster_start DIR   initdb DIR/data and start it (log DIR/server.log,
#                         socket in DIR); sets pgcluster_port, pgcluster_url
#                         and the array pgcluster_psql (psql as the owner)
#   pgcluster_stop DIR    stop it (the caller removes DIR)
#
# As root the server runs as the postgres account (initdb refuses root), so DIR
# is handed to it. Run from the repository's top folder.
pgcluster_bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgcluster_bindir/initdb" ] || pgcluster_bindir=$(dirname "$(command -v initdb)")
pgcluster_as_server=()
if [ "$(id -u)" -eq 0 ]; then
  pgcluster_as_server=(runuser -u postgres --)
fi

pgcluster_start() {
  local dir=$1 started="" port
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
  "${pgcluster_as_server[@]}" "$pgcluster_bindir/initdb" -D "$dir/data" -U rolecall --auth=trust \
    -E UTF8 --locale=C.UTF-8 >/dev/null
  # A random high port; the server refuses to start on a taken one, so try again.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if "${pgcluster_as_server[@]}" "$pgcluster_bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
        -w -o "-p $port -c listen_addresses=127.0.0.1 -k $dir" start >/dev/null; then
      started=yes
      break
    fi
  done
  if [ -z "$started" ]; then
    echo "PostgreSQL did not start; its log:" >&2
    cat "$dir/server.log" >&2
    return 1
  fi
  pgcluster_port=$port
  pgcluster_psql=("$pgcluster_bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U rolecall)
  "${pgcluster_psql[@]}" -d postgres -c 'CREATE DATABASE akako'
  "${pgcluster_psql[@]}" -d akako -f resources/schemas/akako-lms/migration.sql
  "${pgcluster_psql[@]}" -d akako -f resources/sql/akako-demo-data.sql
  pgcluster_url="postgresql://rolecall@127.0.0.1:$port/akako"
}

pgcluster_stop() {
  "${pgcluster_as_server[@]}" "$pgcluster_bindir/pg_ctl" -D "$1/data" -m fast -w stop \
    >/dev/null 2>&1 || true
}
