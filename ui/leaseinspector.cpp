#include "ui/leaseinspector.h"

#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cotal::ui {

LeaseInspector::LeaseInspector(LeaseModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_responder(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_result(new QLabel(this))
    , m_forceRelease(new QPushButton(tr("&Force release…"), this))
{
    setAccessibleName(tr("Lease inspector"));
    m_table->setModel(model);
    m_table->setAccessibleName(tr("Delivery leases"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(90);
    m_responder->setAccessibleName(tr("ctl.delivery responder"));
    m_responder->setObjectName(QStringLiteral("responderStatus"));
    // A refusal names the whole subject: wrapped, it never widens the window.
    m_responder->setWordWrap(true);
    m_responder->setTextFormat(Qt::PlainText);
    m_warning->setAccessibleName(tr("Lease warning"));
    m_warning->setWordWrap(true);
    m_result->setAccessibleName(tr("Force release result"));
    m_result->setWordWrap(true);
    m_forceRelease->setObjectName(QStringLiteral("forceReleaseButton"));
    m_forceRelease->setAccessibleName(tr("Force release the selected lease"));
    m_forceRelease->setToolTip(tr("Delete the selected lease if it is still at the revision "
                                  "shown (compare-and-set). Offered for expired or wedged "
                                  "leases only."));
    setResponderDetail(ResponderStatus::Unknown, {});

    auto *title = new QLabel(tr("<b>Delivery lease</b> (cotal_delivery, 30 s TTL)"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_responder);
    layout->addWidget(m_warning);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_result, 1);
    actions->addWidget(m_forceRelease);
    layout->addLayout(actions);

    connect(m_forceRelease, &QPushButton::clicked, this, &LeaseInspector::confirmForceRelease);
    connect(model, &QAbstractItemModel::dataChanged, this, &LeaseInspector::updateSelection);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->selectRow(0);
        updateSelection();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &LeaseInspector::updateSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LeaseInspector::updateSelection);
    updateSelection();
}

LeaseInspector::~LeaseInspector() = default;

int LeaseInspector::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        return current.row();
    return m_model->rowCount() > 0 ? 0 : -1;
}

void LeaseInspector::setResponderDetail(ResponderStatus status, const QString &detail)
{
    switch (status) {
    case ResponderStatus::Unknown:
        m_responder->setText(tr("ctl.delivery: not probed yet"));
        break;
    case ResponderStatus::Answering:
        m_responder->setText(tr("ctl.delivery: a responder answers listMemberships"));
        break;
    case ResponderStatus::NoResponders:
        m_responder->setText(tr("ctl.delivery: no responders"));
        break;
    case ResponderStatus::Silent:
        m_responder->setText(detail.isEmpty() ? tr("ctl.delivery: no answer in time")
                                              : tr("ctl.delivery: no answer (%1)").arg(detail));
        break;
    }
    updateSelection();
}

void LeaseInspector::setResponderUnavailable(const QString &reason)
{
    m_responder->setText(tr("ctl.delivery: cannot ask — %1").arg(reason));
    updateSelection();
}

void LeaseInspector::setActionResult(const QString &text)
{
    m_result->setText(text);
}

void LeaseInspector::updateSelection()
{
    const int row = currentRow();
    if (row < 0) {
        m_warning->clear();
        m_forceRelease->setEnabled(false);
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    const QString warning = index.data(LeaseModel::WarningRole).toString();
    m_warning->setText(warning.isEmpty() ? QString() : tr("⚠ %1").arg(warning));
    m_forceRelease->setEnabled(index.data(LeaseModel::ForceReleaseRole).toBool());
}

void LeaseInspector::confirmForceRelease()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    const quint64 revision = index.data(LeaseModel::RevisionRole).toULongLong();
    const QString key = index.data().toString();
    const QString holder = index.data(LeaseModel::HolderIdRole).toString();
    const QString state = m_model->index(row, LeaseModel::State).data().toString();
    const auto answer = QMessageBox::warning(
        this, tr("Force release %1").arg(key),
        tr("Delete %1 (held by %2, %3) at revision %4?\n\nIf its daemon is in fact alive, it "
           "will notice at its next renew and stop; until then two daemons could deliver. The "
           "delete is refused if the lease changed since revision %4.")
            .arg(key, holder.isEmpty() ? tr("nobody") : holder, state)
            .arg(revision),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    emit forceReleaseRequested(index.data(LeaseModel::ShardRole).toInt(), revision);
}

} // namespace cotal::ui
