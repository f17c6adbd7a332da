/* desk-store.h — the station's SQLite file.
 *
 * One DeskStore is one connection.  Opening sets the pragmas, checks the
 * header and schema, and migrates an older file.  Writes go through
 * desk_store_begin()/commit()/rollback(), which nest (savepoints), so that a
 * record's write is one transaction and an import of many records is one
 * transaction too.  Workers open their own DeskStore on the same file.
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "desk-error.h"

G_BEGIN_DECLS

#define DESK_TYPE_STORE (desk_store_get_type ())
G_DECLARE_FINAL_TYPE (DeskStore, desk_store, DESK, STORE, GObject)

typedef enum
{
  DESK_STORE_OPEN_DEFAULT   = 0,
  DESK_STORE_OPEN_READONLY  = 1 << 0,  /* workers that only read */
  DESK_STORE_OPEN_NO_CREATE = 1 << 1,  /* the file must exist */
} DeskStoreOpenFlags;

char         *desk_store_default_path       (void);
char         *desk_store_demo_path          (void);

DeskStore    *desk_store_open               (const char          *path,
                                             DeskStoreOpenFlags   flags,
                                             GError             **error);
const char   *desk_store_get_path           (DeskStore           *self);
sqlite3      *desk_store_get_db             (DeskStore           *self);
int           desk_store_get_schema_version (DeskStore           *self);
int           desk_store_get_latest_version (void);

gboolean      desk_store_begin              (DeskStore           *self,
                                             GError             **error);
gboolean      desk_store_commit             (DeskStore           *self,
                                             GError             **error);
void          desk_store_rollback           (DeskStore           *self);
gboolean      desk_store_in_transaction     (DeskStore           *self);

sqlite3_stmt *desk_store_prepare            (DeskStore           *self,
                                             const char          *sql,
                                             GError             **error);
gboolean      desk_store_exec               (DeskStore           *self,
                                             const char          *sql,
                                             GError             **error);
gboolean      desk_store_step_done          (DeskStore           *self,
                                             sqlite3_stmt        *stmt,
                                             GError             **error);
gint64        desk_store_last_insert_id     (DeskStore           *self);
gboolean      desk_store_set_sql_error      (DeskStore           *self,
                                             GError             **error);

gint64        desk_store_count_records      (DeskStore           *self);

gboolean      desk_store_check              (DeskStore           *self,
                                             GPtrArray           *problems,
                                             GError             **error);
gboolean      desk_store_backup             (DeskStore           *self,
                                             const char          *dest_path,
                                             GError             **error);
gboolean      desk_store_restore            (const char          *backup_path,
                                             const char          *db_path,
                                             char               **kept_aside,
                                             GError             **error);

/* Small helpers for reading columns. */
char         *desk_sql_dup_text             (sqlite3_stmt        *stmt,
                                             int                  col);
void          desk_sql_bind_text_or_null    (sqlite3_stmt        *stmt,
                                             int                  idx,
                                             const char          *text);
void          desk_sql_bind_id_or_null      (sqlite3_stmt        *stmt,
                                             int                  idx,
                                             gint64               id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
