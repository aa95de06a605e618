#include "ui/columnwidth.h"

#include <QHeaderView>
#include <QTableView>
#include <algorithm>

namespace cotal::ui {

void fitColumnToSample(QTableView *view, int column, const QString &sample)
{
    const QFontMetrics metrics = view->fontMetrics();
    const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
    const int text = std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title));
    view->horizontalHeader()->resizeSection(column,
                                            text + 2 * metrics.horizontalAdvance(QLatin1Char('M')));
}

} // namespace cotal::ui
