#include "ui/channelsmodel.h"

#include <algorithm>

namespace cotal::ui {

using endpoint::ChannelRow;
using endpoint::DeliveryHealth;

ChannelsModel::ChannelsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ChannelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ChannelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChannelsModel::healthText(const ChannelRow &row)
{
    switch (row.health) {
    case DeliveryHealth::Active:
        return tr("active");
    case DeliveryHealth::Degraded:
        return tr("degraded");
    case DeliveryHealth::None:
        break;
    }
    return tr("none", "no durable delivery health");
}

QString ChannelsModel::healthDetail(const ChannelRow &row)
{
    switch (row.health) {
    case DeliveryHealth::Active:
        return tr("Durable backstop active.");
    case DeliveryHealth::Degraded: {
        // Active needs a ready delivery lease AND a durable membership of this session
        // (delivery.md §10); with a membership in place, the lease is what is missing.
        const QString why =
            row.durableMember
                ? tr("The delivery daemon is down or not ready (no live delivery lease).")
                : tr("This session holds no durable membership for the channel: the join came "
                     "back live-only, or the boot self-join is still reconciling.");
        return tr("Durable backstop unavailable — live messages still arrive; offline replay is "
                  "at risk after the backlog cap. %1")
            .arg(why);
    }
    case DeliveryHealth::None:
        break;
    }
    if (!row.joined)
        return tr("Not joined: durable health applies to joined channels only.");
    if (row.deliveryClass == endpoint::DeliveryClass::Live)
        return tr("Live delivery class: no durable backstop.");
    return tr("Delivery lease unreadable with this credential (or open mesh without a daemon).");
}

QVariant ChannelsModel::displayValue(const Entry &entry, int column) const
{
    const ChannelRow &row = entry.row;
    switch (column) {
    case Channel:
        return row.channel;
    case Description:
        return row.description;
    case Replay:
        if (!row.replay)
            return tr("off", "replay");
        return row.replayWindow.isEmpty() ? tr("full history")
                                          : tr("last %1").arg(row.replayWindow);
    case DeliveryClass:
        return row.deliveryClass == endpoint::DeliveryClass::Durable ? tr("durable") : tr("live");
    case Messages:
        return QString::number(row.messageCount + entry.observedSinceListing);
    case Joined:
        return row.joined ? tr("joined") : QString();
    case Health:
        return healthText(row);
    default:
        return {};
    }
}

QVariant ChannelsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(entry, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Health)
            return healthDetail(entry.row);
        if (index.column() == Channel && entry.observedOnly)
            return tr("Seen in the live feed; not in the last channel listing yet");
        if (index.column() == Description)
            return entry.row.instructions.isEmpty() ? entry.row.description
                                                    : entry.row.instructions;
        return {};
    case RawRole:
        switch (index.column()) {
        case Messages:
            return entry.row.messageCount + entry.observedSinceListing;
        case Joined:
            return entry.row.joined;
        case Health:
            return static_cast<int>(entry.row.health);
        case Replay:
            return entry.row.replay;
        default:
            return displayValue(entry, index.column());
        }
    case ChannelNameRole:
        return entry.row.channel;
    case HealthRole:
        return static_cast<int>(entry.row.health);
    case ObservedOnlyRole:
        return entry.observedOnly;
    case Qt::TextAlignmentRole:
        if (index.column() == Messages)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ChannelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Channel:
        return tr("Channel");
    case Description:
        return tr("Description");
    case Replay:
        return tr("Replay");
    case DeliveryClass:
        return tr("Delivery");
    case Messages:
        return tr("Messages");
    case Joined:
        return tr("Joined");
    case Health:
        return tr("Durable health");
    default:
        return {};
    }
}

void ChannelsModel::setRows(const QList<ChannelRow> &rows)
{
    // Observed-only channels the listing does not (yet) cover stay, after the listed ones.
    std::vector<Entry> next;
    next.reserve(static_cast<size_t>(rows.size()));
    QHash<QString, int> listed;
    for (const ChannelRow &row : rows) {
        listed.insert(row.channel, static_cast<int>(next.size()));
        next.push_back(Entry{row, false, 0});
    }
    for (const Entry &entry : m_entries) {
        if (entry.observedOnly && !listed.contains(entry.row.channel))
            next.push_back(entry);
    }

    const bool sameShape =
        next.size() == m_entries.size() &&
        std::equal(next.begin(), next.end(), m_entries.begin(),
                   [](const Entry &a, const Entry &b) { return a.row.channel == b.row.channel; });
    if (sameShape) {
        m_entries = std::move(next);
        if (!m_entries.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    // A listing adds or drops channels rarely and there are few of them: a reset keeps it simple.
    beginResetModel();
    m_entries = std::move(next);
    rebuildIndex();
    endResetModel();
}

void ChannelsModel::observe(const QStringList &channels)
{
    QHash<int, int> changed;
    QStringList added;
    for (const QString &channel : channels) {
        if (channel.isEmpty())
            continue;
        const int row = m_rowOf.value(channel, -1);
        if (row >= 0) {
            ++m_entries[static_cast<size_t>(row)].observedSinceListing;
            changed.insert(row, 0);
        } else if (!added.contains(channel)) {
            added.append(channel);
        }
    }
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        emit dataChanged(index(it.key(), Messages), index(it.key(), Messages),
                         {Qt::DisplayRole, RawRole});
    if (added.isEmpty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (const QString &channel : std::as_const(added)) {
        ChannelRow row;
        row.channel = channel;
        m_rowOf.insert(channel, static_cast<int>(m_entries.size()));
        m_entries.push_back(Entry{row, true, static_cast<quint64>(channels.count(channel))});
    }
    endInsertRows();
}

void ChannelsModel::clear()
{
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    m_rowOf.clear();
    endResetModel();
}

int ChannelsModel::rowOf(const QString &channel) const
{
    return m_rowOf.value(channel, -1);
}

const ChannelRow *ChannelsModel::row(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_entries[static_cast<size_t>(row)].row;
}

QStringList ChannelsModel::channelNames() const
{
    QStringList names;
    names.reserve(static_cast<qsizetype>(m_entries.size()));
    for (const Entry &entry : m_entries)
        names.append(entry.row.channel);
    return names;
}

void ChannelsModel::rebuildIndex()
{
    m_rowOf.clear();
    for (size_t i = 0; i < m_entries.size(); ++i)
        m_rowOf.insert(m_entries[i].row.channel, static_cast<int>(i));
}

} // namespace cotal::ui
