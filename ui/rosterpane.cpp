#include "ui/rosterpane.h"

#include "ui/presencestyle.h"
#include "ui/rosterfilterproxy.h"
#include "ui/rostermodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

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
    // Widths that fit a typical value (or the header, if wider) in this font, measured once.
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        const int text =
            std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title));
        header->resizeSection(column, text + 2 * metrics.horizontalAdvance(QLatin1Char('M')));
    };
    fit(RosterModel::Name, QStringLiteral("reviewer-01"));
    fit(RosterModel::Status, PresenceStyle::glyph(wire::PresenceStatus::Waiting) +
                                 QLatin1Char(' ') +
                                 PresenceStyle::label(wire::PresenceStatus::Waiting));
    fit(RosterModel::Role, QStringLiteral("reviewer"));
    fit(RosterModel::Harness, QStringLiteral("cotal-cli"));
    fit(RosterModel::Model, QStringLiteral("gpt-5-codex"));
    fit(RosterModel::HeartbeatAge, QStringLiteral("59 s"));
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
