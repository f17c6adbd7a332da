/* desk-report-page-export.c — the workbook and the report history.
 *
 * The workbook writer and the history are not part of this version yet:
 * the export button stays hidden and no history is shown.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include "desk-report-page-private.h"

void
desk_report_page_export_class_init (GtkWidgetClass *widget_class)
{
}

void
desk_report_page_load_history (DeskStore         *store,
                               const DeskReport  *report,
                               GPtrArray        **exports,
                               GPtrArray        **changes,
                               GError           **error)
{
  *exports = NULL;
  *changes = NULL;
}

void
desk_report_page_show_history (DeskReportPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->history_button), FALSE);
  gtk_widget_set_visible (self->changed_bar, FALSE);
  gtk_label_set_text (self->status_label, "");
}

void
desk_report_page_mark_changes (DeskReportPage *self,
                               const char     *sheet)
{
}
