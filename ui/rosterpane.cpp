#include "ui/rosterpane.h"

#include "ui/columnwidth.h"
#include "ui/presencestyle.h"
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
    fitColumnToSample(m_view, RosterModel::Name, QStringLiteral("reviewer-01"));
    fitColumnToSample(m_view, RosterModel::Status,
                      PresenceStyle::glyph(wire::PresenceStatus::Waiting) + QLatin1Char(' ') +
                          PresenceStyle::label(wire::PresenceStatus::Waiting));
    fitColumnToSample(m_view, RosterModel::Role, QStringLiteral("reviewer"));
    fitColumnToSample(m_view, RosterModel::Harness, QStringLiteral("cotal-cli"));
    fitColumnToSample(m_view, RosterModel::Model, QStringLiteral("gpt-5-codex"));
    fitColumnToSample(m_view, RosterModel::HeartbeatAge, QStringLiteral("59 s"));
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
