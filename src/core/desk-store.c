/* desk-store.c — opening, migrating, and writing to the station's file.
 *
 * The pragmas make a saved record survive a power cut (synchronous=FULL in
 * WAL mode) and let a worker read while the window writes.  The file is
 * recognised by its application_id; anything else is reported as damaged or
 * foreign, never silently used.
 */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "desk-date.h"
#include "desk-schema.h"
#include "desk-store.h"

/* "LDSK" */
#define DESK_APPLICATION_ID 0x4c44534b

struct _DeskStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, owned */
  guint       depth;       /* transaction nesting */
  gboolean    readonly;
};

G_DEFINE_FINAL_TYPE (DeskStore, desk_store, G_TYPE_OBJECT)

static void
desk_store_finalize (GObject *object)
{
  DeskStore *self = DESK_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (self->depth > 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_free (self->path);

  G_OBJECT_CLASS (desk_store_parent_class)->finalize (object);
}

static void
desk_store_class_init (DeskStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
desk_store_init (DeskStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/**
 * desk_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/legaldesk/ledger.db`.
 */
char *
desk_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "legaldesk", "ledger.db", NULL);
}

/**
 * desk_store_demo_path:
 *
 * Returns: (transfer full): the demonstration database beside the ledger.
 */
char *
desk_store_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "legaldesk", "demo.db", NULL);
}

gboolean
desk_store_set_sql_error (DeskStore  *self,
                          GError    **error)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_BUSY,
                 _("The ledger is in use by another program: %s"),
                 sqlite3_errmsg (self->db));
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                 _("The ledger file is damaged (%s). Restore a backup."),
                 sqlite3_errmsg (self->db));
  else if (primary == SQLITE_FULL || primary == SQLITE_IOERR)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                 _("The ledger could not be written (%s). Check the disk."),
                 sqlite3_errmsg (self->db));
  else
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_SQL,
                 _("Database error: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
header_is_sqlite (const char  *path,
                  GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *f;
  size_t n;

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n == 0)
    return TRUE;  /* an empty file becomes a new ledger */
  if (n != sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("“%s” is not a ledger database, or it is damaged. Restore a backup."),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (DeskStore   *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  return desk_store_set_sql_error (self, error);
}

/* PRAGMA quick_check: "ok", or the first problems. */
static gboolean
quick_check (DeskStore  *self,
             GError    **error)
{
  g_autoptr(GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = desk_store_prepare (self, "PRAGMA quick_check(5)", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (found, "%s%s", found->len ? "; " : "", line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return desk_store_set_sql_error (self, error);
  if (found->len > 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("The ledger file is damaged (%s). Restore a backup."), found->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (DeskStore  *self,
         GError    **error)
{
  int version, app_id, tables;
  int latest = desk_schema_latest_version ();

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &tables, error))
    return FALSE;

  if (app_id != DESK_APPLICATION_ID && (tables > 0 || app_id != 0))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("“%s” is an SQLite database, but not a ledger of this program."),
                   self->path);
      return FALSE;
    }
  if (version > latest)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_VERSION,
                   _("The ledger was written by a newer version of this program "
                     "(schema %d, this program knows %d). Update the program."),
                   version, latest);
      return FALSE;
    }
  if (version == latest)
    return TRUE;
  if (self->readonly)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_VERSION,
                   _("The ledger needs an upgrade; open it for writing first."));
      return FALSE;
    }

  for (int v = version + 1; v <= latest; v++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", v);

      if (!desk_store_begin (self, error))
        return FALSE;
      if (!desk_schema_migrate_to (self, v, error) ||
          !desk_store_exec (self, pragma, error))
        {
          desk_store_rollback (self);
          g_prefix_error (error, _("Upgrading the ledger to schema %d failed: "), v);
          return FALSE;
        }
      if (v == 1)
        {
          g_autofree char *app = g_strdup_printf ("PRAGMA application_id = %d",
                                                  DESK_APPLICATION_ID);
          if (!desk_store_exec (self, app, error))
            {
              desk_store_rollback (self);
              return FALSE;
            }
        }
      if (!desk_store_commit (self, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * desk_store_open:
 * @path: the SQLite file; created (with its folder) unless
 *   %DESK_STORE_OPEN_NO_CREATE or %DESK_STORE_OPEN_READONLY
 *
 * Opens the ledger, sets the pragmas, checks it and brings its schema up to
 * date.  After an unclean shutdown (a write-ahead log left behind) the file
 * is checked with PRAGMA quick_check before it is used.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set.
 */
DeskStore *
desk_store_open (const char          *path,
                 DeskStoreOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(DeskStore) self = NULL;
  g_autofree char *wal = NULL;
  gboolean exists, unclean;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (DESK_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->readonly = (flags & DESK_STORE_OPEN_READONLY) != 0;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && (flags & (DESK_STORE_OPEN_NO_CREATE | DESK_STORE_OPEN_READONLY)))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_OPEN,
                   _("The ledger “%s” does not exist."), path);
      return NULL;
    }
  if (exists && !header_is_sqlite (path, error))
    return NULL;
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
    }

  /* A write-ahead log beside the file means that the last writer did not
   * close cleanly, or that another connection has the file open now (the
   * window, while a worker or the command line opens it too).  Workers
   * open read-only and leave the check to the writer; a writer checks. */
  wal = g_strconcat (path, "-wal", NULL);
  unclean = exists && !self->readonly && g_file_test (wal, G_FILE_TEST_EXISTS);

  open_flags = self->readonly ? SQLITE_OPEN_READONLY
                              : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  rc = sqlite3_open_v2 (path, &self->db, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_OPEN,
                   _("Cannot open the ledger “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!desk_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  if (!self->readonly &&
      (!desk_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
       !desk_store_exec (self, "PRAGMA synchronous = FULL", error)))
    return NULL;

  if (unclean && !quick_check (self, error))
    return NULL;
  if (!migrate (self, error))
    return NULL;
  if (!desk_schema_verify (self, error))
    return NULL;
  if (!desk_schema_register_functions (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
desk_store_get_path (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
desk_store_get_db (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return self->db;
}

int
desk_store_get_schema_version (DeskStore *self)
{
  int version = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), 0);
  query_int (self, "PRAGMA user_version", &version, NULL);
  return version;
}

int
desk_store_get_latest_version (void)
{
  return desk_schema_latest_version ();
}

/**
 * desk_store_begin:
 *
 * Opens a write transaction (BEGIN IMMEDIATE), or a savepoint inside one.
 * Every begin is matched by exactly one commit or rollback.
 */
gboolean
desk_store_begin (DeskStore  *self,
                  GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT desk_%u", self->depth);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return desk_store_set_sql_error (self, error);
  self->depth++;
  return TRUE;
}

gboolean
desk_store_commit (DeskStore  *self,
                   GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE desk_%u", self->depth - 1);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      desk_store_set_sql_error (self, error);
      desk_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
desk_store_rollback (DeskStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (DESK_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO desk_%u; RELEASE desk_%u",
                           self->depth - 1, self->depth - 1);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("rollback failed: %s", sqlite3_errmsg (self->db));
  self->depth--;
}

gboolean
desk_store_in_transaction (DeskStore *self)
{
  return self->depth > 0;
}

/**
 * desk_store_prepare:
 * @sql: a constant statement; values are bound, never written into it
 *
 * Returns a statement from the store's cache, reset and with its bindings
 * cleared.  The store owns it: do not finalize it; reset it when done (the
 * next prepare of the same text resets it anyway).
 *
 * Returns: (transfer none) (nullable): the statement, or %NULL with @error.
 */
sqlite3_stmt *
desk_store_prepare (DeskStore   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      desk_store_set_sql_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * desk_store_exec:
 *
 * Runs constant SQL (several statements allowed), no values bound.
 */
gboolean
desk_store_exec (DeskStore   *self,
                 const char  *sql,
                 GError     **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return desk_store_set_sql_error (self, error);
  return TRUE;
}

/**
 * desk_store_step_done:
 *
 * Steps a write statement to completion and resets it.
 */
gboolean
desk_store_step_done (DeskStore     *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      desk_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
desk_store_last_insert_id (DeskStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * desk_store_count_records:
 *
 * Returns: how many records (not registers or code tables) the ledger holds,
 *   deleted ones included.
 */
gint64
desk_store_count_records (DeskStore *self)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  stmt = desk_store_prepare (self,
                             "SELECT (SELECT count(*) FROM consultations)"
                             " + (SELECT count(*) FROM mediation_cases)"
                             " + (SELECT count(*) FROM screenings)"
                             " + (SELECT count(*) FROM legal_aid)"
                             " + (SELECT count(*) FROM adviser_services)",
                             NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

static void
collect_rows (DeskStore  *self,
              const char *sql,
              const char *ok,
              GPtrArray  *problems)
{
  sqlite3_stmt *stmt = desk_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    {
      g_ptr_array_add (problems, g_strdup (sqlite3_errmsg (self->db)));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      int n = sqlite3_column_count (stmt);

      for (int i = 0; i < n; i++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (line, "%s%s", i ? " " : "", v ? v : "NULL");
        }
      if (ok == NULL || !g_str_equal (line->str, ok))
        g_ptr_array_add (problems, g_string_free (g_steal_pointer (&line), FALSE));
    }
  sqlite3_reset (stmt);
}

/**
 * desk_store_check:
 * @problems: (element-type utf8): receives one line per problem found
 *
 * Checks the file (PRAGMA integrity_check), the references between records
 * (PRAGMA foreign_key_check) and the rules of the schema that SQLite cannot
 * state as constraints (desk_schema_check_consistency()).
 *
 * Returns: %FALSE only when the check itself could not run.
 */
gboolean
desk_store_check (DeskStore  *self,
                  GPtrArray  *problems,
                  GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  collect_rows (self, "PRAGMA integrity_check", "ok", problems);
  collect_rows (self, "PRAGMA foreign_key_check", NULL, problems);
  return desk_schema_check_consistency (self, problems, error);
}

static gboolean
backup_to (sqlite3     *src,
           const char  *dest_path,
           GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Cannot write “%s”: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Cannot back up to “%s”: %s"), dest_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  /* Copy in steps so that a writer elsewhere is not held off for long. */
  do
    {
      rc = sqlite3_backup_step (backup, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Cannot back up to “%s”: %s"), dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  /* A backup is one self-contained file: no write-ahead log beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  return TRUE;
}

/**
 * desk_store_backup:
 *
 * Copies the ledger with SQLite's online backup into @dest_path, through a
 * temporary file beside it, so that a failed backup never leaves a half
 * file under the name.
 */
gboolean
desk_store_backup (DeskStore   *self,
                   const char  *dest_path,
                   GError     **error)
{
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);

  tmp = g_strdup_printf ("%s.part-%d", dest_path, (int) getpid ());
  g_unlink (tmp);
  if (!backup_to (self->db, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Cannot write “%s”: %s"), dest_path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * desk_store_restore:
 * @kept_aside: (out) (optional): where the replaced ledger now is
 *
 * Checks that @backup_path is a sound ledger this program can read, moves
 * the current file (if any) aside as "<name>.before-restore-<time>", then
 * puts a copy of the backup in its place.  Nothing must have the ledger open.
 */
gboolean
desk_store_restore (const char  *backup_path,
                    const char  *db_path,
                    char       **kept_aside,
                    GError     **error)
{
  g_autoptr(DeskStore) backup = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) local = NULL;

  backup = desk_store_open (backup_path, DESK_STORE_OPEN_READONLY, &local);
  if (backup == NULL)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("“%s” cannot be restored: %s"), backup_path, local->message);
      return FALSE;
    }
  if (!quick_check (backup, &local))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                   _("“%s” cannot be restored: %s"), backup_path, local->message);
      return FALSE;
    }

  /* Fold the current ledger's log into it, so that moving the main file
   * aside keeps everything that was saved. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(DeskStore) current = desk_store_open (db_path, DESK_STORE_OPEN_NO_CREATE, NULL);

      if (current != NULL)
        desk_store_exec (current, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
    }

  tmp = g_strdup_printf ("%s.restore-%d", db_path, (int) getpid ());
  g_unlink (tmp);
  if (!backup_to (backup->db, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      now = g_date_time_new_now_local ();
      stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      aside = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
      if (g_rename (db_path, aside) != 0)
        {
          int saved = errno;

          g_unlink (tmp);
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                       _("Cannot move the current ledger aside: %s"), g_strerror (saved));
          return FALSE;
        }
      for (const char *suffix = "-wal"; suffix != NULL;
           suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
        {
          g_autofree char *side = g_strconcat (db_path, suffix, NULL);
          g_unlink (side);
        }
    }
  if (g_rename (tmp, db_path) != 0)
    {
      int saved = errno;

      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _("Cannot put the backup in place: %s"), g_strerror (saved));
      if (aside != NULL)
        g_rename (aside, db_path);
      return FALSE;
    }
  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return TRUE;
}

char *
desk_sql_dup_text (sqlite3_stmt *stmt,
                   int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text ? g_strdup (text) : NULL;
}

void
desk_sql_bind_text_or_null (sqlite3_stmt *stmt,
                            int           idx,
                            const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

void
desk_sql_bind_id_or_null (sqlite3_stmt *stmt,
                          int           idx,
                          gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}
