#pragma once

#include <QMainWindow>

namespace cotal::ui {

// The operator console's top-level window.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace cotal::ui
