#!/usr/bin/env bash
# README command 1: install what is missing, build, start a throwaway local
# PostgreSQL with the Akako LMS schema (exactly as Prisma creates it) and demo
# data, and open the console on it. The database lives in a temporary folder,
# listens on 127.0.0.1 only on a free port, and is removed when the console
# exits.
#
#   packaging/demo.sh                      open the console
#   packaging/demo.sh --screenshot FILE    run it under Xvfb and save a PNG
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

screenshot=""
if [ "${1:-}" = "--screenshot" ]; then
  screenshot=$(realpath -m "${2:?--screenshot needs a file name}")
fi

if [ -n "$screenshot" ]; then
  ./packaging/install-deps.sh imagemagick
else
  ./packaging/install-deps.sh
fi
cmake --preset dev >/dev/null
cmake --build --preset dev --target rolecall rolecallctl

# --- a throwaway PostgreSQL -------------------------------------------------
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || bindir=$(dirname "$(command -v initdb)")
workdir=$(mktemp -d "${TMPDIR:-/tmp}/rolecall-demo.XXXXXX")
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses root: the server runs as the postgres account.
  chown postgres "$workdir"
  as_server=(runuser -u postgres --)
fi
cleanup() {
  "${as_server[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

"${as_server[@]}" "$bindir/initdb" -D "$workdir/data" -U rolecall --auth=trust -E UTF8 \
  --locale=C.UTF-8 >/dev/null
# A random high port; the server refuses to start on a taken one, so try again.
started=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  if "${as_server[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $workdir" start >/dev/null; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  echo "demo: PostgreSQL did not start; its log:" >&2
  cat "$workdir/server.log" >&2
  exit 1
fi

psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U rolecall)
"${psql[@]}" -d postgres -c 'CREATE DATABASE akako'
"${psql[@]}" -d akako -f resources/schemas/akako-lms/migration.sql
"${psql[@]}" -d akako -f resources/sql/akako-demo-data.sql
url="postgresql://rolecall@127.0.0.1:$port/akako"
echo "Demo database: $url (removed when the console closes)"
echo "Try: build/dev/app/rolecallctl users list --db $url --search \"O'Brien\""

# --- the console ------------------------------------------------------------
if [ -n "$screenshot" ]; then
  mkdir -p "$(dirname "$screenshot")"
  export ROLECALL_DEMO_URL="$url" ROLECALL_SHOT="$screenshot" ROLECALL_BIN="$root/build/dev/app/rolecall"
  # A fresh HOME keeps the shot free of remembered window sizes and filters.
  HOME="$workdir/home" xvfb-run -a -s "-screen 0 1280x800x24" sh -c '
    "$ROLECALL_BIN" --db "$ROLECALL_DEMO_URL" & app=$!
    sleep 6
    import -window root "$ROLECALL_SHOT"
    kill $app; wait $app 2>/dev/null || true'
  echo "Saved $screenshot"
elif [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display here; running under Xvfb until you press Ctrl+C (or use --screenshot FILE)."
  xvfb-run -a -s "-screen 0 1280x800x24" build/dev/app/rolecall --db "$url"
else
  build/dev/app/rolecall --db "$url"
fi
