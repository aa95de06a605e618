#!/usr/bin/env bash
# Builds the .deb with CPack and checks what a user would install: the binary, desktop entry,
# AppStream metainfo (validated), icons, man page, and dependencies computed from the binary.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$build"
cpack -G DEB -B "$out" >/dev/null
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
fail() { echo "FAIL: $*" >&2; exit 1; }
for f in ./usr/bin/cotal-console \
         ./usr/share/applications/io.cotal.Console.desktop \
         ./usr/share/metainfo/io.cotal.Console.metainfo.xml \
         ./usr/share/man/man1/cotal-console.1 \
         ./usr/share/icons/hicolor/scalable/apps/cotal-console.svg \
         ./usr/share/icons/hicolor/48x48/apps/cotal-console.png \
         ./usr/share/icons/hicolor/256x256/apps/cotal-console.png; do
  grep -qxF "$f" <<<"$contents" || fail "missing $f"
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6widgets6 libnats3.4 libqt6keychain1; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
grep -q nats-server <<<"$(dpkg-deb -f "$deb" Recommends)" || fail "nats-server not recommended"
[[ $(dpkg-deb -f "$deb" Version) == "$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' CMakeCache.txt)" ]] \
  || fail "package version differs from the project version"
x=$(mktemp -d -p "$out")
dpkg-deb -x "$deb" "$x"
appstreamcli validate --no-net --pedantic "$x/usr/share/metainfo/io.cotal.Console.metainfo.xml" >/dev/null \
  || appstreamcli validate --no-net "$x/usr/share/metainfo/io.cotal.Console.metainfo.xml"
desktop-file-validate "$x/usr/share/applications/io.cotal.Console.desktop"
man -l "$x/usr/share/man/man1/cotal-console.1" >/dev/null 2>&1 || fail "man page does not render"
echo "package OK: $(basename "$deb")"
echo "Depends: $depends"
