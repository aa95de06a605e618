#pragma once

#include <QDialog>

namespace cotal::ui {

class AnomalyModel;

// The list of refused traffic behind the status bar's anomalies counter.
class AnomalyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnomalyDialog)

public:
    explicit AnomalyDialog(AnomalyModel *model, QWidget *parent = nullptr);
};

} // namespace cotal::ui
