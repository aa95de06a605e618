#include "ui/anomalydialog.h"

#include "ui/anomalymodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace cotal::ui {

AnomalyDialog::AnomalyDialog(AnomalyModel *model, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("anomalyDialog"));
    setWindowTitle(tr("Anomalies"));
    auto *note = new QLabel(tr("Traffic the console refused: spoofed senders, malformed JSON or "
                               "subjects, forged presence. Terminated copies are JetStream "
                               "messages acknowledged with TERM so they are never redelivered."),
                            this);
    note->setWordWrap(true);
    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("anomalyView"));
    view->setAccessibleName(tr("Anomalies"));
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->horizontalHeader()->setSectionResizeMode(AnomalyModel::Detail, QHeaderView::Stretch);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    resize(900, 420);
}

} // namespace cotal::ui
