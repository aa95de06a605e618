#include "ui/membershipfeedmodel.h"

#include <QDateTime>
#include <algorithm>

namespace cotal::ui {

MembershipFeedModel::MembershipFeedModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &MembershipFeedModel::checkFreshness);
}

MembershipFeedModel::~MembershipFeedModel() = default;

int MembershipFeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MembershipFeedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MembershipFeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case AgentIdRole:
        return row.agent;
    case DurableRole:
        return row.membership.durable;
    case LiveRole:
        return row.membership.live;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Agent:
        return row.agent;
    case Live:
        return row.membership.live.join(QStringLiteral(", "));
    case Durable:
        return row.membership.durable.join(QStringLiteral(", "));
    case ObservedAt:
        return QDateTime::fromMSecsSinceEpoch(qint64(row.membership.observedAt))
            .toString(Qt::ISODate);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MembershipFeedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Agent:
        return tr("Agent");
    case Live:
        return tr("Live (CONNZ)");
    case Durable:
        return tr("Durable (activated)");
    case ObservedAt:
        return tr("Observed");
    case ColumnCount:
        break;
    }
    return {};
}

void MembershipFeedModel::watch(std::unique_ptr<space::MembershipFeedReader> reader)
{
    m_reader.reset();
    m_timer.stop();
    m_error.clear();
    if (!m_rows.empty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    m_heartbeat.reset();
    checkFreshness();
    if (!reader)
        return;
    m_reader = std::move(reader);
    connect(m_reader.get(), &space::MembershipFeedReader::updated, this,
            &MembershipFeedModel::apply);
    connect(m_reader.get(), &space::MembershipFeedReader::failed, this,
            [this](const space::SpaceError &error) { m_error = error.describe(); });
    m_reader->start();
    m_timer.start();
}

void MembershipFeedModel::setUnreadable(const QString &reason)
{
    watch(nullptr);
    m_error = reason;
    checkFreshness();
}

void MembershipFeedModel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    checkFreshness();
}

void MembershipFeedModel::apply(const space::MembershipFeedBatch &batch)
{
    if (batch.heartbeatChanged)
        m_heartbeat = batch.heartbeat;
    for (const space::MembershipFeedUpdate &update : batch.memberships) {
        const auto it =
            std::lower_bound(m_rows.begin(), m_rows.end(), update.agent,
                             [](const Row &row, const QString &key) { return row.agent < key; });
        const int at = int(it - m_rows.begin());
        const bool exists = it != m_rows.end() && it->agent == update.agent;
        if (!update.membership) {
            // Pruned by the feed (or garbled, which the feed itself rewrites): not a member row.
            if (exists) {
                beginRemoveRows({}, at, at);
                m_rows.erase(it);
                endRemoveRows();
            }
            continue;
        }
        if (exists) {
            it->membership = *update.membership;
            emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
        } else {
            beginInsertRows({}, at, at);
            m_rows.insert(it, Row{update.agent, *update.membership});
            endInsertRows();
        }
    }
    checkFreshness();
}

MembershipFeedModel::Freshness MembershipFeedModel::freshness() const
{
    if (!m_heartbeat)
        return Freshness::Absent;
    return heartbeatAgeMs() <= kStaleAfterMs ? Freshness::Live : Freshness::Stale;
}

qint64 MembershipFeedModel::heartbeatAgeMs() const
{
    if (!m_heartbeat)
        return -1;
    return std::max<qint64>(0, m_clock() - qint64(m_heartbeat->observedAt));
}

QString MembershipFeedModel::freshnessText() const
{
    switch (freshness()) {
    case Freshness::Absent:
        if (!m_error.isEmpty() && !m_heartbeat)
            return tr("cannot read: %1").arg(m_error);
        return tr("absent: no feed daemon has written the membership feed");
    case Freshness::Live:
        return tr("live: last complete poll %1 s ago, %2 agents")
            .arg(heartbeatAgeMs() / 1000)
            .arg(m_heartbeat->count);
    case Freshness::Stale:
        return tr("stale: last complete poll %1 s ago; the feed daemon is down or cannot see "
                  "every connection, so this graph may be out of date")
            .arg(heartbeatAgeMs() / 1000);
    }
    return {};
}

std::optional<wire::ChannelMembership> MembershipFeedModel::membership(const QString &agentId) const
{
    for (const Row &row : m_rows) {
        if (row.agent == agentId)
            return row.membership;
    }
    return std::nullopt;
}

void MembershipFeedModel::checkFreshness()
{
    const Freshness now = freshness();
    if (now == m_lastFreshness)
        return;
    m_lastFreshness = now;
    emit freshnessChanged(now);
}

} // namespace cotal::ui
