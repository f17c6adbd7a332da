/* desk-error.h — the error domains of the core.
 *
 * A failure a user can cause travels as a GError whose message is a sentence
 * for that user.  Field errors read "<field>：<what is wrong>", so that the
 * window can put the message beside the field it names.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_STORE_ERROR (desk_store_error_quark ())
#define DESK_RECORD_ERROR (desk_record_error_quark ())

typedef enum
{
  DESK_STORE_ERROR_OPEN,      /* the file cannot be opened or created */
  DESK_STORE_ERROR_CORRUPT,   /* not a ledger, or damaged */
  DESK_STORE_ERROR_VERSION,   /* written by a newer program */
  DESK_STORE_ERROR_SQL,       /* SQLite refused a statement */
  DESK_STORE_ERROR_BUSY,      /* locked by another program */
  DESK_STORE_ERROR_IO,        /* backup, restore, files */
} DeskStoreError;

typedef enum
{
  DESK_RECORD_ERROR_INVALID,    /* a field's value is wrong; message names the field */
  DESK_RECORD_ERROR_NOT_FOUND,  /* no such record, or deleted */
  DESK_RECORD_ERROR_DUPLICATE,  /* a natural key already exists */
  DESK_RECORD_ERROR_IN_USE,     /* still referenced: retire instead of delete */
} DeskRecordError;

GQuark desk_store_error_quark  (void);
GQuark desk_record_error_quark (void);

void   desk_set_field_error    (GError     **error,
                                const char  *field,
                                const char  *format,
                                ...) G_GNUC_PRINTF (3, 4);
char  *desk_error_get_field    (const GError *error);

G_END_DECLS
