#!/usr/bin/env bash
# dev.sh — set up a Debian 12 machine for Legal Desk, build it, and run it
# or its tests.
#
#   build-aux/dev.sh run [ARGS…]   install what is missing, build, open the program
#   build-aux/dev.sh test          install what is missing, build, run every test under Xvfb
#   build-aux/dev.sh deps          only install what is missing
#
# Works as root or as a user with sudo; quick when nothing is missing.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${LEGALDESK_BUILD_DIR:-$top/_build}"

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev
  desktop-file-utils appstream xvfb xauth dbus-x11 dbus-daemon fonts-noto-cjk locales
  python3 python3-openpyxl python3-pyatspi at-spi2-core libreoffice-calc-nogui imagemagick xdotool
  flatpak-builder
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
      "${missing[@]}"
  fi
  # Under C.UTF-8 Pango picks Japanese shapes for shared characters: the
  # program and its tests run in zh_CN.UTF-8.
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf8$'; then
    as_root sed -i 's/^# *zh_CN.UTF-8/zh_CN.UTF-8/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
    as_root locale-gen
  fi
}

build() {
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" -Dwerror=true
  fi
  ninja -C "$build"
}

# Prints "N passed, N failed" over every subtest of the last run.
summary() {
  /usr/bin/python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding='utf-8'):
    t = json.loads(line)
    out = t.get('stdout') or ''
    oks = len(re.findall(r'^ok \d+', out, re.M))
    skips = len(re.findall(r'^ok \d+.*# SKIP', out, re.M | re.I))
    bad = len(re.findall(r'^not ok \d+', out, re.M))
    if t['result'] not in ('OK', 'EXPECTEDFAIL', 'SKIP') and bad == 0:
        bad = 1  # a crash or timeout before any TAP line
    passed += oks - skips
    skipped += skips
    failed += bad
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
}

run_tests() {
  local status=0
  export LANG=zh_CN.UTF-8 GSK_RENDERER=cairo ADW_DISABLE_PORTAL=1
  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
    meson test -C "$build" --print-errorlogs "$@" || status=$?
  summary
  return $status
}

case "${1:-}" in
  deps) deps ;;
  build) deps; build ;;
  run)
    shift
    deps; build
    export LANG="${LANG:-zh_CN.UTF-8}"
    exec meson devenv -C "$build" "$build/src/app/legaldesk" "$@"
    ;;
  test)
    shift
    deps; build
    run_tests "$@"
    ;;
  *)
    echo "usage: build-aux/dev.sh run|test|deps|build" >&2
    exit 2
    ;;
esac
