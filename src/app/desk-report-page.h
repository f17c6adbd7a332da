/* desk-report-page.h — the 统计月报 page: a month's forms, checked and exported. */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_REPORT_PAGE (desk_report_page_get_type ())
G_DECLARE_FINAL_TYPE (DeskReportPage, desk_report_page, DESK, REPORT_PAGE, AdwBin)

GtkWidget  *desk_report_page_new              (void);
void        desk_report_page_set_store        (DeskReportPage *self,
                                               DeskStore      *store);
DeskStore  *desk_report_page_get_store        (DeskReportPage *self);
void        desk_report_page_set_month        (DeskReportPage *self,
                                               int             year,
                                               int             month);
void        desk_report_page_get_month        (DeskReportPage *self,
                                               int            *year,
                                               int            *month);
void        desk_report_page_reload           (DeskReportPage *self);
gboolean    desk_report_page_get_busy         (DeskReportPage *self);
GtkWidget  *desk_report_page_find_figure      (DeskReportPage *self,
                                               const char     *sheet,
                                               const char     *row,
                                               const char     *path);
char       *desk_report_page_describe_record  (DeskReportPage *self,
                                               const char     *kind,
                                               gint64          id);
const char *desk_record_kind_title            (const char     *kind);

G_END_DECLS
