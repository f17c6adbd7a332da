-- Schema 2: the history of the monthly workbook.
--
-- One row per export: which month, when, by whom, the file's name and
-- SHA-256, and every figure as exported, as lines
-- "sheet<TAB>row<TAB>column path<TAB>value" (desk-history.c).  Recomputing a
-- month and comparing with its last export shows which figures changed
-- since: a record created, edited or deleted, a setting, code table or
-- holiday changed.
CREATE TABLE report_exports (
  id          INTEGER PRIMARY KEY,
  month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  exported_at TEXT NOT NULL,
  exported_by TEXT,
  file_name   TEXT NOT NULL CHECK (file_name <> ''),
  sha256      TEXT NOT NULL CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  figures     TEXT NOT NULL,
  corrected   INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1))
);
CREATE INDEX report_exports_month ON report_exports (month, id);
