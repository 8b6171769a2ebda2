#!/usr/bin/env bash
# Installs what building, testing and running the Rolecall demo need on
# Debian/Ubuntu. Idempotent: installs only the packages that are missing.
# Works as root or through sudo; does nothing when everything is present.
# Extra package names given as arguments are installed too (the screenshot
# script asks for imagemagick this way).
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config clang-format clang-tidy
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libgl-dev libssl-dev qtkeychain-qt6-dev libpq-dev
  libcpp-httplib-dev # rolecall-server's HTTP layer (docs/server.md)
  qt6-svg-dev # renders resources/icons/rolecall.svg at build time
  # runtime
  libqt6sql6-psql libqt6network6 libsecret-1-0 fonts-dejavu-core
  fonts-wqy-microhei # CJK names in the users table
  # tests and demo: real PostgreSQL, real Secret Service keyring, a display
  postgresql dbus gnome-keyring xvfb xauth
  # tests of the packaging files: the desktop entry and the AppStream metainfo
  desktop-file-utils appstream
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and no sudo; install them as root" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
