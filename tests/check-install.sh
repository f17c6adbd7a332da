#!/usr/bin/env bash
# check-install.sh BUILDDIR PROBE — what `meson install` puts on a machine
# validates, and the installed program, started in a fresh home under the
# (virtual) display with LANG=zh_CN.UTF-8, shows the first-start setup in
# Chinese, as read through the accessibility tree.  TAP output.
set -u
build="$1"
probe="$2"
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
pid=

echo "1..6"
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
notok() { n=$((n + 1)); echo "not ok $n $1"; shift; for l in "$@"; do echo "# $l"; done; }

dest="$tmp/dest"
if out=$(meson install -C "$build" --destdir "$dest" --no-rebuild 2>&1); then
  ok "meson install"
else
  notok "meson install" "$(echo "$out" | tail -5)"
fi
prefix=$(find "$dest" -path '*/bin/legaldesk' -printf '%h\n' | head -1)
prefix=${prefix%/bin}
share="$prefix/share"

if out=$(desktop-file-validate "$share/applications/io.github.legaldesk.LegalDesk.desktop" 2>&1) &&
   grep -q '^Name\[zh_CN\]=司法所工作台账$' "$share/applications/io.github.legaldesk.LegalDesk.desktop"; then
  ok "installed desktop file validates and is translated"
else
  notok "installed desktop file" "$out"
fi

if out=$(appstreamcli validate --no-net "$share/metainfo/io.github.legaldesk.LegalDesk.metainfo.xml" 2>&1) &&
   grep -q 'xml:lang="zh_CN">司法所工作台账<' "$share/metainfo/io.github.legaldesk.LegalDesk.metainfo.xml"; then
  ok "installed metainfo validates and is translated"
else
  notok "installed metainfo" "$out"
fi

schemas="$tmp/schemas"
mkdir -p "$schemas"
cp "$share/glib-2.0/schemas/"*.gschema.xml "$schemas/"
if out=$(glib-compile-schemas --strict "$schemas" 2>&1); then
  ok "installed settings schema compiles strictly"
else
  notok "installed settings schema" "$out"
fi

if [ -s "$share/icons/hicolor/scalable/apps/io.github.legaldesk.LegalDesk.svg" ] &&
   [ -s "$share/icons/hicolor/symbolic/apps/io.github.legaldesk.LegalDesk-symbolic.svg" ] &&
   [ -s "$share/locale/zh_CN/LC_MESSAGES/legaldesk.mo" ]; then
  ok "icons and translations installed"
else
  notok "icons and translations installed"
fi

home="$tmp/home"
mkdir -p "$home"
unset NO_AT_BRIDGE
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  XDG_CACHE_HOME="$home/.cache" LANG=zh_CN.UTF-8 LANGUAGE= GSETTINGS_SCHEMA_DIR="$schemas" \
  GSETTINGS_BACKEND=memory LEGALDESK_LOCALEDIR="$share/locale" GTK_A11Y=atspi ADW_DISABLE_PORTAL=1
"$prefix/bin/legaldesk" >"$tmp/app.log" 2>&1 &
pid=$!
if text=$(/usr/bin/python3 "$probe" legaldesk 2>&1) &&
   echo "$text" | grep -q '欢迎使用司法所工作台账' && echo "$text" | grep -q '创建台账'; then
  ok "the installed program shows the first-start setup in Chinese"
else
  notok "the installed program shows the first-start setup in Chinese" \
    "$(echo "$text" | head -20)" "$(tail -5 "$tmp/app.log")"
fi
[ ! -e "$home/.local/share/legaldesk/ledger.db" ] || echo "# warning: a ledger was created"
