#pragma once

#include <QString>

class QTableView;

namespace cotal::ui {

// Sizes a column once to fit a typical value, or its header if wider, in the view's font: no
// view with thousands of rows measures its contents (ResizeToContents) on every change.
void fitColumnToSample(QTableView *view, int column, const QString &sample);

} // namespace cotal::ui
