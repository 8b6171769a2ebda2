#!/usr/bin/env bash
# Builds Rolecall's Linux installers from a Release build (CMake preset
# `package`): a .deb, an .rpm and a tarball in build/package/.
#
#   packaging/package.sh           build the packages
#   packaging/package.sh --check   build them, then lint them and check their
#                                  contents (packaging/linux/check-packages.sh)
#
# The compiler and linker flags are Debian's own hardening flags
# (dpkg-buildflags with hardening=+all), as a Debian package build would use.
# Windows and macOS packages are built by the GitHub Actions workflow
# (.github/workflows/ci.yml); see docs/installing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

check=""
if [ "${1:-}" = "--check" ]; then
  check=yes
fi

# rpm brings rpmbuild for CPack's RPM generator; dpkg-dev brings
# dpkg-shlibdeps for the .deb's library dependencies.
./packaging/install-deps.sh rpm dpkg-dev

export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cppflags=$(dpkg-buildflags --get CPPFLAGS)
cxxflags="$(dpkg-buildflags --get CXXFLAGS) $cppflags"
ldflags=$(dpkg-buildflags --get LDFLAGS)
# Debian's flags name this folder for reproducible builds; no need here.
cxxflags=$(printf '%s' "$cxxflags" | sed 's/-ffile-prefix-map=[^ ]*//g')

echo "package: configuring a Release build (preset package)"
cmake --preset package -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" >/dev/null
echo "package: building"
cmake --build --preset package
echo "package: packing"
rm -f build/package/rolecall[-_]*.deb build/package/rolecall-*.rpm build/package/rolecall-*.tar.gz
cpack --preset package >build/package/cpack.log 2>&1 || {
  cat build/package/cpack.log >&2
  exit 1
}
ls -1 build/package/rolecall[-_]*.deb build/package/rolecall-*.rpm build/package/rolecall-*.tar.gz

if [ -n "$check" ]; then
  ./packaging/linux/check-packages.sh
fi
