#include "ui/mainwindow.h"

#include <QLabel>

namespace cotal::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Cotal Console"));
    auto *placeholder = new QLabel(tr("Not connected to a Cotal space."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setAccessibleName(tr("Connection state"));
    setCentralWidget(placeholder);
    resize(1200, 800);
}

} // namespace cotal::ui
