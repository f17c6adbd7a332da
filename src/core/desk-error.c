/* desk-error.c — error domains and field errors of the core. */
#define G_LOG_DOMAIN "desk-error"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "desk-error.h"

/* The full-width colon separates field and message in Chinese text. */
#define FIELD_SEPARATOR "："

G_DEFINE_QUARK (desk-store-error-quark, desk_store_error)
G_DEFINE_QUARK (desk-record-error-quark, desk_record_error)

/**
 * desk_set_field_error:
 * @field: the label of the field as the user sees it (already translated)
 *
 * Sets a %DESK_RECORD_ERROR_INVALID error that names @field.
 */
void
desk_set_field_error (GError     **error,
                      const char  *field,
                      const char  *format,
                      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID,
               "%s" FIELD_SEPARATOR "%s", field, what);
}

/**
 * desk_error_get_field:
 *
 * Returns: (transfer full) (nullable): the field a field error names.
 */
char *
desk_error_get_field (const GError *error)
{
  const char *sep;

  if (error == NULL || !g_error_matches (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_INVALID))
    return NULL;

  sep = strstr (error->message, FIELD_SEPARATOR);
  if (sep == NULL)
    return NULL;

  return g_strndup (error->message, sep - error->message);
}
