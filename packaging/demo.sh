#!/usr/bin/env bash
# README command 1: install what is missing, build, and open the console on a
# throwaway demo: a local PostgreSQL with the Akako LMS schema (exactly as
# Prisma creates it) and demo data, and a local development OpenID issuer
# that signs you in as the demo's admin through the same browser sign-in
# (PKCE, loopback redirect, keychain) as a real Clerk instance. Everything
# lives in a temporary folder, listens on 127.0.0.1 only, and is removed when
# the console exits.
#
#   packaging/demo.sh                     open the console
#   packaging/demo.sh --api               the same through rolecall-server: the
#                                         server in front of the demo database on
#                                         127.0.0.1, the console on a Backend API
#                                         profile (no database credentials in it)
#   packaging/demo.sh --screenshots DIR   run it under Xvfb and save PNGs to DIR:
#       each screen, the keyboard flow step by step (keyboard-*.png: search,
#       Down, Ctrl+G, a reason, Enter; real key presses through xdotool) and
#       a set in the dark theme (dark-*.png, `rolecall --theme dark`);
#       with or after --api
#   ROLECALL_DEMO_PRESET=ci packaging/demo.sh …   use another build preset's binaries
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

shots=""
api=""
while [ $# -gt 0 ]; do
  case "$1" in
    --api) api=1; shift ;;
    --screenshots) shots=$(realpath -m "${2:?--screenshots needs a folder}"); shift 2 ;;
    *) echo "demo.sh: unknown option $1 (use --api, --screenshots DIR)" >&2; exit 2 ;;
  esac
done

if [ -n "$shots" ]; then
  ./packaging/install-deps.sh imagemagick xdotool
else
  ./packaging/install-deps.sh
fi
preset=${ROLECALL_DEMO_PRESET:-dev}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target rolecall rolecallctl rolecall-dev-issuer \
  rolecall-test-browser rolecall-fake-clerk ${api:+rolecall-server}
bin="$root/build/$preset"

workdir=$(mktemp -d "${TMPDIR:-/tmp}/rolecall-demo.XXXXXX")
# The demo's profile lives in its own settings folder, not among yours.
export XDG_CONFIG_HOME="$workdir/config"
issuer_pid=""
clerk_pid=""
server_pid=""
. packaging/pgcluster.sh
cleanup() {
  # Sign out: revokes the demo session and removes it from the keychain.
  "$bin/app/rolecallctl" --profile demo logout >/dev/null 2>&1 || true
  # Removing the profile also removes its Clerk key from the keychain.
  "$bin/app/rolecallctl" profiles remove demo >/dev/null 2>&1 || true
  [ -n "$issuer_pid" ] && kill "$issuer_pid" 2>/dev/null || true
  [ -n "$clerk_pid" ] && kill "$clerk_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  pgcluster_stop "$workdir"
  rm -rf "$workdir"
}
trap cleanup EXIT

# --- a throwaway PostgreSQL with the demo data -----------------------------
pgcluster_start "$workdir"
psql=("${pgcluster_psql[@]}")
url=$pgcluster_url

# --- a local development issuer (signs in as the demo admin, Ada Admin) -----
mkfifo "$workdir/issuer.out"
"$bin/tests/tools/rolecall-dev-issuer" --client-id rolecall-dev >"$workdir/issuer.out" \
  2>"$workdir/issuer.log" </dev/null &
issuer_pid=$!
read -r issuer_line <"$workdir/issuer.out"
issuer=${issuer_line#issuer=}

# --- a fake Clerk Backend API with the demo's users, for the Sync screen -----
"${psql[@]}" -d akako -A -t -f resources/sql/akako-demo-clerk-users.sql >"$workdir/clerk-users.json"
mkfifo "$workdir/clerk.out"
"$bin/tests/tools/rolecall-fake-clerk" --users-file "$workdir/clerk-users.json" >"$workdir/clerk.out" \
  2>"$workdir/clerk.log" </dev/null &
clerk_pid=$!
read -r clerk_url <"$workdir/clerk.out"

if [ -n "$api" ]; then
  # --- rolecall-server in front of the demo database ---------------------------
  # It trusts the demo issuer's access tokens (audience: the client ID) and
  # holds the fake Clerk API's key, so the Sync screen compares on the server.
  ROLECALL_CLERK_SECRET_KEY=sk_test_fakeclerkapi "$bin/app/rolecall-server" --db "$url" \
    --issuer "$issuer" --audience rolecall-dev --listen 127.0.0.1:0 \
    --clerk-api-url "$clerk_url" >"$workdir/server.log" 2>&1 </dev/null &
  server_pid=$!
  # It says "rolecall-server 0.9.0 serving ... on http://127.0.0.1:PORT/api/rolecall/v1".
  api_url=""
  for _ in $(seq 150); do
    api_url=$(sed -n 's|.* on \(http://127\.0\.0\.1:[0-9]*/api/rolecall/v1\).*|\1|p' \
      "$workdir/server.log" | head -n 1)
    [ -n "$api_url" ] || ! kill -0 "$server_pid" 2>/dev/null && break
    sleep 0.1
  done
  if [ -z "$api_url" ]; then
    echo "rolecall-server did not start:" >&2
    cat "$workdir/server.log" >&2
    exit 1
  fi
  "$bin/app/rolecallctl" profiles add demo --issuer "$issuer" --client-id rolecall-dev \
    --api "$api_url" --clerk-api-url "$clerk_url" --default >/dev/null
  echo "Demo server:   $api_url (in front of $url)"
else
  "$bin/app/rolecallctl" profiles add demo --issuer "$issuer" --client-id rolecall-dev --db "$url" \
    --clerk-api-url "$clerk_url" --default >/dev/null
fi
echo "Demo database: $url"
echo "Demo issuer:   $issuer (signs you in as admin@akako.example)"
echo "Try, while the console is open:"
echo "  XDG_CONFIG_HOME=$XDG_CONFIG_HOME $bin/app/rolecallctl --profile demo whoami"

# --- the console ------------------------------------------------------------
if [ -z "$shots" ]; then
  # The fake Clerk API's key, for the Sync screen (without a keychain the
  # screen says how to give it one).
  printf "%s" sk_test_fakeclerkapi |
    "$bin/app/rolecallctl" profiles set-secret demo clerk-secret-key >/dev/null ||
    echo "No keychain: the Sync screen will ask for a Clerk secret key."
fi
if [ -n "$shots" ]; then
  mkdir -p "$shots" "$workdir/home"
  export ROLECALL_SHOTS="$shots" ROLECALL_BIN="$bin"
  # A real keyring in its own session, a fresh HOME for remembered sizes, and
  # a headless "browser" that follows the issuer's redirect like a real one.
  # The user with the longest grant history, for the detail panel.
  ROLECALL_SHOW_USER=$("${psql[@]}" -d akako -A -t -c 'SELECT u."email" FROM "User" u
      JOIN "UserRole" r ON r."userId" = u."id" GROUP BY u."email"
      ORDER BY count(*) DESC, u."email" LIMIT 1')
  export ROLECALL_SHOW_USER
  # Someone without MENTOR, found by the keyboard flow and granted it.
  ROLECALL_FLOW_USER=$("${psql[@]}" -d akako -A -t -c 'SELECT u."email" FROM "User" u
      WHERE NOT EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u."id"
                        AND r."role" = '"'"'MENTOR'"'"')
      ORDER BY u."email" LIMIT 1')
  export ROLECALL_FLOW_USER
  # (No key repeat: a shortcut sent by xdotool must not type on in the dialog it opens.)
  HOME="$workdir/home" dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -ardelay 60000" sh -c '
    printf "%s" demo | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null
    shot() { import -window root "$ROLECALL_SHOTS/$1.png"; }
    # The sign-in dialog, waiting for a browser that never comes back.
    ROLECALL_BROWSER=true "$ROLECALL_BIN/app/rolecall" --profile demo --sign-in & app=$!
    sleep 5; shot signin; kill $app; wait $app 2>/dev/null
    # Signed in through the whole flow as the demo admin, on one user; then
    # the Grant role dialog (Ctrl+G, once the window has the keyboard: there is
    # no window manager to give it).
    export ROLECALL_BROWSER="$ROLECALL_BIN/tests/tools/rolecall-test-browser"
    "$ROLECALL_BIN/app/rolecall" --profile demo --sign-in --user "$ROLECALL_SHOW_USER" & app=$!
    sleep 9; shot users
    xdotool search --onlyvisible --class "^rolecall$" windowfocus --sync key ctrl+g
    sleep 2; shot grant-role
    kill $app; wait $app 2>/dev/null
    # (Windows are found by class: xdotool cannot match titles with an em dash.)
    # The other screens; the session is in the keychain now.
    for screen in grants audit overview; do
      "$ROLECALL_BIN/app/rolecall" --profile demo --screen $screen & app=$!
      sleep 7; shot $screen; kill $app; wait $app 2>/dev/null
    done
    # The keyboard flow, one key at a time: Ctrl+F and a search, Down to the
    # result, Ctrl+G, a reason, Enter (the grant is written).
    keys() { xdotool search --onlyvisible --class "^rolecall$" windowfocus --sync "$@"; }
    "$ROLECALL_BIN/app/rolecall" --profile demo --screen users & app=$!
    sleep 7
    keys key ctrl+f; sleep 0.5
    xdotool type --delay 40 "$ROLECALL_FLOW_USER"; sleep 2; shot keyboard-1-search
    xdotool key Down; sleep 2; shot keyboard-2-down
    xdotool key ctrl+g; sleep 2; shot keyboard-3-ctrl-g
    xdotool type --delay 40 "Mentors the spring cohort"; sleep 1; shot keyboard-4-reason
    xdotool key Return; sleep 3; shot keyboard-5-enter
    kill $app; wait $app 2>/dev/null
    # The dark theme: the same screens and dialog, colours from a dark palette.
    "$ROLECALL_BIN/app/rolecall" --profile demo --theme dark --user "$ROLECALL_SHOW_USER" & app=$!
    sleep 8; shot dark-users
    keys key ctrl+g; sleep 2; shot dark-grant-role
    kill $app; wait $app 2>/dev/null
    for screen in grants overview; do
      "$ROLECALL_BIN/app/rolecall" --profile demo --theme dark --screen $screen & app=$!
      sleep 7; shot dark-$screen; kill $app; wait $app 2>/dev/null
    done
    # Sync status against the fake Clerk API (F5 starts a run).
    printf "%s" sk_test_fakeclerkapi |
      "$ROLECALL_BIN/app/rolecallctl" profiles set-secret demo clerk-secret-key >/dev/null
    "$ROLECALL_BIN/app/rolecall" --profile demo --screen sync & app=$!
    sleep 5
    xdotool search --onlyvisible --class "^rolecall$" windowfocus --sync key F5
    sleep 6; shot sync; kill $app; wait $app 2>/dev/null
    ROLECALL_THEME=dark "$ROLECALL_BIN/app/rolecall" --profile demo --screen sync & app=$!
    sleep 5
    xdotool search --onlyvisible --class "^rolecall$" windowfocus --sync key F5
    sleep 6; shot dark-sync; kill $app; wait $app 2>/dev/null
    true'
  echo "Saved signin, users, grant-role, grants, audit, overview, sync, keyboard-* and dark-* PNGs in $shots"
elif [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display here; running under Xvfb until you press Ctrl+C (or use --screenshots DIR)."
  ROLECALL_BROWSER="$bin/tests/tools/rolecall-test-browser" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$bin/app/rolecall" --profile demo --sign-in
else
  "$bin/app/rolecall" --profile demo --sign-in
fi
