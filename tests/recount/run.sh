#!/bin/sh
# run.sh — the county's acceptance test of the monthly workbook (TAP).
#
# A township's ledgers for 2024 and 2025 (make_township.py) are imported
# into a new ledger with `legaldesk-cli import`, the holiday calendar is
# entered with `legaldesk-cli holiday add`, and the workbook of each of the
# 24 months is exported with `legaldesk-cli export --month`; compare.py then
# holds every figure of every workbook against recount.py, which recounts
# them from the same CSV files by forms.md.  One TAP line per month; each
# difference is printed as a comment: sheet | row | column | workbook | recount.
#
# LEGALDESK_CLI names the program (tests/meson.build sets it); RECOUNT_SEED
# picks another township; RECOUNT_KEEP=1 keeps the temporary folder.

set -u

here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
cli=${LEGALDESK_CLI:?LEGALDESK_CLI must name legaldesk-cli}
seed=${RECOUNT_SEED:-20240101}
county=青山县
township=青山镇
station=青山镇司法所

work=$(mktemp -d "${TMPDIR:-/tmp}/recount.XXXXXX")
if [ "${RECOUNT_KEEP:-0}" = 1 ]; then
  echo "# kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# The program's day, and nothing of a real user's touched.
export LEGALDESK_TODAY=2026-01-15
export XDG_DATA_HOME="$work/xdg/data" XDG_CONFIG_HOME="$work/xdg/config"
export XDG_CACHE_HOME="$work/xdg/cache" XDG_RUNTIME_DIR="$work/xdg/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

db="$work/ledger.db"
data="$work/township"
log="$work/setup.log"

comment () {
  sed 's/^/# /'
}

setup () {
  "$python" "$here/make_township.py" "$data" --seed "$seed" &&
  "$cli" init --database "$db" --county "$county" --township "$township" \
    --station "$station" &&
  while read -r day kind; do
    if [ "$kind" = workday ]; then
      "$cli" holiday add --database "$db" "$day" --workday || return 1
    else
      "$cli" holiday add --database "$db" "$day" || return 1
    fi
  done < "$data/holidays.txt" &&
  "$cli" import --database "$db" "$data/csv"
}

echo "1..25"
if setup > "$log" 2>&1; then
  echo "ok 1 - generate the township (seed $seed), init, holidays, import"
  ready=1
else
  echo "not ok 1 - generate the township (seed $seed), init, holidays, import"
  comment < "$log"
  ready=0
fi

n=1
failed=0
for year in 2024 2025; do
  for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
    n=$((n + 1))
    if [ "$ready" != 1 ]; then
      echo "not ok $n - $year-$month: no ledger to export"
      failed=$((failed + 1))
      continue
    fi
    book="$work/$year-$month.xlsx"
    if ! "$cli" export --database "$db" --month "$year-$month" --output "$book" \
         > "$work/export.log" 2>&1; then
      echo "not ok $n - $year-$month: export failed"
      comment < "$work/export.log"
      failed=$((failed + 1))
      continue
    fi
    if "$python" "$here/compare.py" "$book" --csv "$data/csv" \
         --holidays "$data/holidays.txt" --month "$year-$month" --county "$county" \
         --township "$township" --station "$station" > "$work/compare.log" 2>&1; then
      echo "ok $n - $(tail -n 1 "$work/compare.log")"
    else
      echo "not ok $n - $year-$month: the workbook differs from the recount"
      comment < "$work/compare.log"
      failed=$((failed + 1))
    fi
  done
done

[ "$ready" = 1 ] && [ "$failed" = 0 ]
