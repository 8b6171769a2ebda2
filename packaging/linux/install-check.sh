#!/usr/bin/env bash
# Installs the .deb that packaging/package.sh made the way a person would
# (apt-get install ./rolecall_<version>_<arch>.deb), runs what it installed,
# purges it and checks that none of its files is left:
#   rolecall --version and rolecallctl --version, with no display;
#   rolecallctl users list against a throwaway PostgreSQL with the demo data;
#   rolecall on that database under Xvfb, until its main window is on screen;
#   apt-get purge, then every path of `dpkg -L rolecall` that the package
#   brought is gone.
# It changes the system, so packaging/test.sh runs it only when CI=true or
# when asked (--install-package). Without root or sudo it says so and skips.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

# Run by xvfb-run below: start the installed console on the database and wait
# for its main window (a top-level window titled Rolecall, mapped and viewable).
if [ "${1:-}" = "--probe-gui" ]; then
  url=$2
  work=$3
  /usr/bin/rolecall --db "$url" >"$work/gui.out" 2>"$work/gui.err" &
  pid=$!
  # A top-level window named after Rolecall, at least 400 px wide (Qt also
  # keeps a 1x1 unmapped leader window by that name), and mapped.
  window=""
  for _ in $(seq 1 60); do
    window=$(xwininfo -root -tree 2>/dev/null |
      awk '/^ +0x[0-9a-f]+ "[^"]*Rolecall[^"]*"/ {
             for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+x[0-9]+\+/) { split($i, g, "x"); if (g[1] + 0 >= 400) print; break }
           }' | head -n 1)
    if [ -n "$window" ] &&
        xwininfo -id "$(printf '%s\n' "$window" | awk '{ print $1 }')" | grep -q 'Map State: IsViewable'; then
      break
    fi
    window=""
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  status=0
  if [ -z "$window" ]; then
    echo "install-check: the console showed no main window" >&2
    status=1
  else
    echo "  main window, mapped: $(printf '%s\n' "$window" | sed 's/^ *//')"
    sleep 3 # let it load the first page of users
    if command -v import >/dev/null 2>&1; then
      import -window root "$root/build/package/installed-rolecall.png" 2>/dev/null &&
        echo "  screenshot: build/package/installed-rolecall.png"
    fi
    kill -0 "$pid" 2>/dev/null || { echo "install-check: the console exited" >&2; status=1; }
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  exit "$status"
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "install-check: SKIPPED: installing a package needs root or password-less sudo; neither is here"
  exit 0
fi

deb=$(ls build/package/rolecall_*.deb)
version=$(dpkg-deb -f "$deb" Version)
./packaging/install-deps.sh postgresql xvfb xauth x11-utils >/dev/null

# One install check at a time on this machine.
exec 9>"${TMPDIR:-/tmp}/rolecall-install-check.lock"
flock -w 900 9

work=$(mktemp -d "${TMPDIR:-/tmp}/rolecall-install.XXXXXX")
chmod 755 "$work"
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=600)
. packaging/pgcluster.sh
installed=""
cleanup() {
  pgcluster_stop "$work/pg"
  if [ -n "$installed" ]; then
    "${apt[@]}" purge rolecall >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if dpkg-query -W -f='${Status}' rolecall 2>/dev/null | grep -q 'ok installed'; then
  echo "install-check: a rolecall package is installed already; purging it first"
  "${apt[@]}" purge rolecall >/dev/null
fi

# The package's paths that exist before it is installed (/usr/bin and the like).
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|; s|/$||' | grep -v '^$' >"$work/contents"
while read -r path; do
  if [ -e "$path" ]; then printf '%s\n' "$path"; fi
done <"$work/contents" >"$work/preexisting"

echo "install-check: apt-get install ./$(basename "$deb")"
installed=yes
"${apt[@]}" install --no-install-recommends "$root/$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; exit 1; }
dpkg -L rolecall >"$work/installed"
echo "  $(wc -l <"$work/installed") paths"

for program in rolecall rolecallctl; do
  echo "install-check: $program --version (no display)"
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb "/usr/bin/$program" --version)
  printf '%s\n' "$out" | sed 's/^/  /'
  [ "$(printf '%s\n' "$out" | head -n 1)" = "$program $version" ] ||
    { echo "install-check: $program --version does not say $version" >&2; exit 1; }
done

echo "install-check: a throwaway PostgreSQL with the demo data"
mkdir -p "$work/pg" "$work/home/run"
chmod 700 "$work/home/run"
pgcluster_start "$work/pg" >/dev/null
url=$pgcluster_url
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_RUNTIME_DIR="$work/home/run"

echo "install-check: rolecallctl users list --db $url --limit 5"
/usr/bin/rolecallctl users list --db "$url" --limit 5 --format csv >"$work/users.csv"
sed 's/^/  /' "$work/users.csv"
[ "$(wc -l <"$work/users.csv")" -eq 6 ] ||
  { echo "install-check: expected a header and 5 users" >&2; exit 1; }

echo "install-check: rolecall --db $url under Xvfb"
xvfb-run -a -s "-screen 0 1280x800x24" "$0" --probe-gui "$url" "$work" ||
  { sed 's/^/  stderr: /' "$work/gui.err" >&2; exit 1; }
if grep -iE 'critical|fatal|not loaded|cannot|could not' "$work/gui.err" >&2; then
  echo "install-check: the console complained (above)" >&2
  exit 1
fi

echo "install-check: apt-get purge rolecall"
"${apt[@]}" purge rolecall >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; exit 1; }
installed=""
if dpkg-query -W -f='${Status}' rolecall 2>/dev/null | grep -q 'installed'; then
  echo "install-check: dpkg still lists rolecall" >&2
  exit 1
fi
left=$(while read -r path; do
  grep -qxF "$path" "$work/preexisting" && continue
  if [ -e "$path" ]; then printf '  %s\n' "$path"; fi
done <"$work/installed")
if [ -n "$left" ]; then
  printf 'install-check: left behind after purge:\n%s\n' "$left" >&2
  exit 1
fi
echo "install-check: installed, ran, purged; none of its $(wc -l <"$work/installed") paths is left"
