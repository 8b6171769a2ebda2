#!/usr/bin/env bash
# Checks the Linux packages packaging/package.sh made in build/package/:
#   - lintian on the .deb: no error, and no warning that
#     packaging/linux/lintian-accepted does not list with its reason;
#   - rpmlint on the .rpm, likewise with packaging/linux/rpmlint-accepted;
#   - the .rpm's file list and declared dependencies;
#   - the installed desktop entry (desktop-file-validate) and AppStream
#     metainfo (appstreamcli validate), as the .deb holds them.
# Prints each step; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=packaging/linux

./packaging/install-deps.sh lintian rpmlint rpm desktop-file-utils appstream >/dev/null

deb=$(ls build/package/rolecall_*.deb)
rpm=$(ls build/package/rolecall-*.rpm)
tgz=$(ls build/package/rolecall-*.tar.gz)
work=$(mktemp -d "${TMPDIR:-/tmp}/rolecall-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The findings of a linter (lines "tag<TAB>line") whose tag the accepted list
# (first word of each line; # starts a comment) does not name: each must be
# fixed, or justified in that list.
unaccepted() { # accepted-file findings-file
  local accepted
  accepted=$(sed 's/#.*//' "$1" | awk 'NF { print $1 }')
  while IFS=$'\t' read -r tag line; do
    printf '%s\n' "$accepted" | grep -qxF "$tag" || printf '  %s\n' "$line"
  done <"$2"
}

echo "check: lintian $(basename "$deb")"
lintian --fail-on none --tag-display-limit 0 "$deb" >"$work/lintian.txt" 2>&1 || true
sed 's/^/  /' "$work/lintian.txt"
if grep -q '^E: ' "$work/lintian.txt"; then
  echo "check: lintian reports errors" >&2
  exit 1
fi
# "W: rolecall: tag details"
awk '$1 ~ /^[EW]:$/ { print $3 "\t" $0 }' "$work/lintian.txt" >"$work/lintian-tags.txt"
left=$(unaccepted "$here/lintian-accepted" "$work/lintian-tags.txt")
if [ -n "$left" ]; then
  printf 'check: lintian warnings not in %s (fix them or say there why they stay):\n%s\n' \
    "$here/lintian-accepted" "$left" >&2
  exit 1
fi

echo "check: rpmlint $(basename "$rpm")"
rpmlint -c "$here/rpmlint.toml" "$rpm" >"$work/rpmlint.txt" 2>&1 || true
sed 's/^/  /' "$work/rpmlint.txt"
# "rolecall.x86_64: W: tag details"
awk '{ for (i = 1; i < NF; i++) if ($i ~ /^[EW]:$/) { print $(i + 1) "\t" $0; break } }' \
  "$work/rpmlint.txt" >"$work/rpmlint-tags.txt"
left=$(unaccepted "$here/rpmlint-accepted" "$work/rpmlint-tags.txt")
if [ -n "$left" ]; then
  printf 'check: rpmlint findings not in %s (fix them or say there why they stay):\n%s\n' \
    "$here/rpmlint-accepted" "$left" >&2
  exit 1
fi

echo "check: the .rpm's files and dependencies"
rpm -qpl "$rpm" >"$work/rpm-files.txt" 2>/dev/null
rpm -qpR "$rpm" >"$work/rpm-requires.txt" 2>/dev/null
for file in /usr/bin/rolecall /usr/bin/rolecallctl \
  /usr/share/applications/example.rolecall.Rolecall.desktop \
  /usr/share/metainfo/example.rolecall.Rolecall.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/example.rolecall.Rolecall.svg \
  /usr/share/icons/hicolor/256x256/apps/example.rolecall.Rolecall.png \
  /usr/bin/rolecall-server /usr/share/man/man1/rolecall-server.1.gz \
  /usr/share/man/man1/rolecall.1.gz /usr/share/man/man1/rolecallctl.1.gz; do
  grep -qxF "$file" "$work/rpm-files.txt" || { echo "check: the .rpm lacks $file" >&2; exit 1; }
done
if grep -qxE '/usr(/bin|/share|/share/icons|/share/applications)?' "$work/rpm-files.txt"; then
  echo "check: the .rpm claims a system directory" >&2
  exit 1
fi
for requirement in 'libQt6Core\.so\.6' 'libQt6Widgets\.so\.6' 'libQt6Sql\.so\.6' \
  'libQt6Network\.so\.6' 'libqt6keychain\.so\.1' 'libcrypto\.so\.3' \
  '^qt6-qtbase-postgresql' '^libsecret'; do
  grep -qE "$requirement" "$work/rpm-requires.txt" ||
    { echo "check: the .rpm does not require $requirement" >&2; exit 1; }
done
echo "  $(wc -l <"$work/rpm-files.txt") files; requires $(grep -cv '^rpmlib' "$work/rpm-requires.txt") libraries and packages"

echo "check: the .deb's dependencies"
depends=$(dpkg-deb -f "$deb" Depends)
echo "  Depends: $depends"
for requirement in libqt6core6 libqt6widgets6 libqt6sql6 libqt6network6 libqt6keychain1 \
  libssl3 libqt6sql6-psql libsecret-1-0 libcpp-httplib0.11; do
  printf '%s' "$depends" | grep -qE "(^|, )$requirement( |,|$)" ||
    { echo "check: the .deb does not depend on $requirement" >&2; exit 1; }
done

echo "check: the tarball"
tar -tzf "$tgz" >"$work/tgz.txt"
grep -qE '/bin/rolecall$' "$work/tgz.txt" && grep -qE '/bin/rolecallctl$' "$work/tgz.txt" ||
  { echo "check: the tarball lacks the programs" >&2; exit 1; }

echo "check: desktop entry and AppStream metainfo as packaged"
dpkg-deb -x "$deb" "$work/deb"
desktop-file-validate "$work/deb/usr/share/applications/example.rolecall.Rolecall.desktop"
appstreamcli validate --no-net "$work/deb/usr/share/metainfo/example.rolecall.Rolecall.metainfo.xml" |
  sed 's/^/  /'
echo "check: packages passed"
