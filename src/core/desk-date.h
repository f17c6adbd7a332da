/* desk-date.h — calendar dates as the ledgers write them.
 *
 * Dates travel as "YYYY-MM-DD" strings and date-times as "YYYY-MM-DD HH:MM",
 * local time, exactly as they are stored.  "Today" is the system clock's date
 * unless LEGALDESK_TODAY=YYYY-MM-DD says otherwise (tests, demonstrations).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Julian-style day number: days since 0001-01-01, for arithmetic. */
typedef gint32 DeskDay;

char     *desk_today               (void);
char     *desk_now                 (void);
int       desk_today_year          (void);

gboolean  desk_date_valid          (const char  *text);
gboolean  desk_datetime_valid      (const char  *text);
char     *desk_date_parse          (const char  *text,
                                    int          default_year);
char     *desk_datetime_parse      (const char  *text);

gboolean  desk_date_to_ymd         (const char  *date,
                                    int         *year,
                                    int         *month,
                                    int         *day);
DeskDay   desk_date_to_day         (const char  *date);
char     *desk_day_to_date         (DeskDay      day);
char     *desk_date_add_days       (const char  *date,
                                    int          days);
int       desk_date_weekday        (const char  *date);
int       desk_days_in_month       (int          year,
                                    int          month);
void      desk_month_bounds        (int          year,
                                    int          month,
                                    char       **first,
                                    char       **last);
gboolean  desk_month_parse         (const char  *text,
                                    int         *year,
                                    int         *month);
int       desk_age_on              (const char  *birth_date,
                                    const char  *on_date);

G_END_DECLS
