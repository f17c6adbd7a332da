#!/usr/bin/env bash
# check-po.sh SRCDIR — the translation is complete: every file with
# translatable strings is listed in po/POTFILES.in, and po/zh_CN.po
# translates every message of the sources, none fuzzy.  TAP output.
set -u
src="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1

echo "1..3"

missing=""
while IFS= read -r f; do
  grep -qxF "$f" po/POTFILES.in || missing="$missing $f"
done < <( { grep -rlE '\b_\(|N_\(|C_\(' src --include='*.c' --include='*.h';
            grep -rl 'translatable="yes"' ui data 2>/dev/null; } | sort -u)
if [ -z "$missing" ]; then echo "ok 1 POTFILES.in lists every file with translatable strings"
else echo "not ok 1 POTFILES.in lacks:$missing"; fi

gone=""
while IFS= read -r f; do
  case "$f" in ''|\#*) continue ;; esac
  [ -f "$f" ] || gone="$gone $f"
done < po/POTFILES.in
if [ -z "$gone" ]; then echo "ok 2 every file in POTFILES.in exists"
else echo "not ok 2 POTFILES.in names missing files:$gone"; fi

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --flag=g_strdup_printf:1:c-format \
  --flag=g_set_error:4:c-format --flag=desk_set_field_error:3:c-format \
  -f po/POTFILES.in -o "$tmp/legaldesk.pot" 2>"$tmp/xgettext.err" || {
  echo "not ok 3 xgettext failed: $(head -3 "$tmp/xgettext.err")"; exit 0; }
msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$tmp/legaldesk.pot" -o "$tmp/merged.po"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
untranslated=$(echo "$stats" | grep -oE '[0-9]+ untranslated' | grep -oE '[0-9]+' || echo 0)
fuzzy=$(echo "$stats" | grep -oE '[0-9]+ fuzzy' | grep -oE '[0-9]+' || echo 0)
if [ "$untranslated" = 0 ] && [ "$fuzzy" = 0 ]; then
  echo "ok 3 zh_CN.po translates every message"
else
  echo "not ok 3 zh_CN.po: $untranslated untranslated, $fuzzy fuzzy"
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -A1 '^msgid' | head -40 | sed 's/^/# /'
fi
