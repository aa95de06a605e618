#include "ui/rosterfilterproxy.h"

#include "core/wire/presence.h"
#include "ui/rostermodel.h"

namespace cotal::ui {

using wire::PresenceStatus;

namespace {

// The C locale collates by code point (no numeric mode): fall back to English there so
// "agent2" sorts before "agent10" in every environment.
QLocale collationLocale()
{
    const QLocale locale;
    return locale.language() == QLocale::C ? QLocale(QLocale::English) : locale;
}

} // namespace

RosterFilterProxy::RosterFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_collator(collationLocale())
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(RosterModel::RawRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RosterFilterProxy::setFilterText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void RosterFilterProxy::setHideOffline(bool hide)
{
    if (m_hideOffline == hide)
        return;
    m_hideOffline = hide;
    invalidateRowsFilter();
}

bool RosterFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (m_hideOffline &&
        first.data(RosterModel::StatusRole).toInt() == static_cast<int>(PresenceStatus::Offline))
        return false;
    if (m_text.isEmpty())
        return true;
    if (first.data(RosterModel::IdRole).toString().contains(m_text, Qt::CaseInsensitive))
        return true;
    for (int column = 0; column < RosterModel::HeartbeatAge; ++column) {
        const QString text = model->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool RosterFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(RosterModel::RawRole);
    const QVariant b = right.data(RosterModel::RawRole);
    switch (left.column()) {
    case RosterModel::Status:
        if (a.toInt() != b.toInt())
            return a.toInt() < b.toInt();
        break; // equal status: fall back to the name
    case RosterModel::HeartbeatAge:
        return a.toLongLong() < b.toLongLong();
    case RosterModel::Name:
    case RosterModel::Role:
    case RosterModel::Activity:
    case RosterModel::Harness:
    case RosterModel::Model: {
        const int order = m_collator.compare(a.toString(), b.toString());
        if (order != 0)
            return order < 0;
        break;
    }
    default:
        Q_ASSERT_X(false, "RosterFilterProxy::lessThan", "a roster column has no comparison");
        return false;
    }
    const QString nameA =
        left.siblingAtColumn(RosterModel::Name).data(RosterModel::RawRole).toString();
    const QString nameB =
        right.siblingAtColumn(RosterModel::Name).data(RosterModel::RawRole).toString();
    return m_collator.compare(nameA, nameB) < 0;
}

NeedsYouProxy::NeedsYouProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    sort(0, Qt::AscendingOrder);
}

QVariant NeedsYouProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole || index.column() != RosterModel::Name)
        return QSortFilterProxyModel::data(index, role);
    const QString name = QSortFilterProxyModel::data(index, role).toString();
    const QString activity = index.siblingAtColumn(RosterModel::Activity).data().toString();
    if (activity.isEmpty())
        return name;
    return tr("%1 — %2", "agent name — activity").arg(name, activity);
}

bool NeedsYouProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    return first.data(RosterModel::StatusRole).toInt() == static_cast<int>(PresenceStatus::Waiting);
}

bool NeedsYouProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const qint64 a = left.data(RosterModel::StatusSinceRole).toLongLong();
    const qint64 b = right.data(RosterModel::StatusSinceRole).toLongLong();
    if (a != b)
        return a < b;
    return left.data(RosterModel::IdRole).toString() < right.data(RosterModel::IdRole).toString();
}

} // namespace cotal::ui
