/* desk-settings.h — the station's settings and holiday calendar. */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;            /* as the CLI and the database name it */
  const char *title;          /* shown to the user (translatable) */
  const char *default_value;  /* NULL: empty */
  int         min;            /* numbers: range; both 0 for text */
  int         max;
} DeskSettingInfo;

const DeskSettingInfo *desk_settings_keys      (guint        *n_keys);
const DeskSettingInfo *desk_settings_find_key  (const char   *key);

char      *desk_settings_get          (DeskStore    *store,
                                       const char   *key);
int        desk_settings_get_int      (DeskStore    *store,
                                       const char   *key);
gboolean   desk_settings_set          (DeskStore    *store,
                                       const char   *key,
                                       const char   *value,
                                       GError      **error);

typedef struct
{
  char     *date;
  gboolean  workday;    /* a make-up working day */
  char     *note;
} DeskHoliday;

void       desk_holiday_free          (DeskHoliday  *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskHoliday, desk_holiday_free)

gboolean   desk_holidays_add          (DeskStore    *store,
                                       const char   *date,
                                       gboolean      workday,
                                       const char   *note,
                                       GError      **error);
gboolean   desk_holidays_remove       (DeskStore    *store,
                                       const char   *date,
                                       GError      **error);
GPtrArray *desk_holidays_list         (DeskStore    *store,
                                       int           year);
gboolean   desk_is_working_day        (DeskStore    *store,
                                       const char   *date);
int        desk_working_days_between  (DeskStore    *store,
                                       const char   *from,
                                       const char   *to);

G_END_DECLS
