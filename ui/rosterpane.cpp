#include "ui/rosterpane.h"

#include "ui/rosterfilterproxy.h"
#include "ui/rostermodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace cotal::ui {

RosterPane::RosterPane(RosterModel *model, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new RosterFilterProxy(this))
{
    setObjectName(QStringLiteral("rosterPane"));
    m_proxy->setSourceModel(model);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("rosterFilter"));
    m_filter->setPlaceholderText(tr("Filter agents…"));
    m_filter->setAccessibleName(tr("Filter the roster"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RosterFilterProxy::setFilterText);
    m_hideOffline = new QCheckBox(tr("Hide &offline"), this);
    m_hideOffline->setObjectName(QStringLiteral("hideOffline"));
    connect(m_hideOffline, &QCheckBox::toggled, m_proxy, &RosterFilterProxy::setHideOffline);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("rosterView"));
    m_view->setAccessibleName(tr("Roster"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RosterModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RosterModel::Activity, QHeaderView::Stretch);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(RosterModel::Name, 8 * em);
    header->resizeSection(RosterModel::Status, 6 * em);
    header->resizeSection(RosterModel::Role, 6 * em);
    header->resizeSection(RosterModel::Harness, 6 * em);
    header->resizeSection(RosterModel::Model, 7 * em);
    header->resizeSection(RosterModel::HeartbeatAge, 5 * em);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit agentActivated(current.data(RosterModel::IdRole).toString());
            });

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_hideOffline);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
}

} // namespace cotal::ui
