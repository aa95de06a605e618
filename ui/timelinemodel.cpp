#include "ui/timelinemodel.h"

#include "core/wire/channels.h"

#include <QDateTime>
#include <algorithm>
#include <tuple>

namespace cotal::ui {

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

TimelineModel::~TimelineModel() = default;

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::phaseText(Phase phase)
{
    switch (phase) {
    case Phase::Pending:
        return tr("pending activation");
    case Phase::Activated:
        return tr("activated");
    case Phase::Tombstoned:
        return tr("tombstoned");
    }
    return {};
}

TimelineModel::Phase TimelineModel::phaseOf(const wire::MembershipRecord &record)
{
    if (record.isTombstone())
        return Phase::Tombstoned;
    return record.activated.value_or(false) ? Phase::Activated : Phase::Pending;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const wire::MembershipRecord &record = row.record;
    const auto time = [](double ms) {
        return ms > 0 ? QVariant(QDateTime::fromMSecsSinceEpoch(qint64(ms)).toString(Qt::ISODate))
                      : QVariant();
    };
    switch (role) {
    case ChannelRole:
        return record.channel;
    case OwnerRole:
        return record.owner;
    case GenerationRole:
        return record.generation;
    case JoinCursorRole:
        return record.joinCursor;
    case LeaveCursorRole:
        return record.leaveCursor ? QVariant(*record.leaveCursor) : QVariant();
    case PhaseRole:
        return int(phaseOf(record));
    case CurrentRole:
        return row.current;
    case JoinedAtRole:
        return row.joinedAt > 0 ? QVariant(qint64(row.joinedAt)) : QVariant();
    case LeftAtRole:
        return row.leftAt > 0 ? QVariant(qint64(row.leftAt)) : QVariant();
    case RecordRole:
        return QString::fromUtf8(wire::encodeMembershipRecord(record));
    case Qt::ToolTipRole:
        return QString::fromUtf8(wire::encodeMembershipRecord(record));
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Channel:
        return record.channel;
    case Owner:
        return record.owner;
    case Generation:
        return row.current ? tr("%1 (current)").arg(record.generation)
                           : QString::number(record.generation);
    case JoinCursor:
        return QString::number(record.joinCursor);
    case LeaveCursor:
        return record.leaveCursor ? QString::number(*record.leaveCursor) : tr("open");
    case State:
        return phaseText(phaseOf(record));
    case JoinedAt:
        return time(row.joinedAt);
    case LeftAt:
        return time(row.leftAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Channel:
        return tr("Channel");
    case Owner:
        return tr("Owner");
    case Generation:
        return tr("Generation");
    case JoinCursor:
        return tr("Join cursor");
    case LeaveCursor:
        return tr("Leave cursor");
    case State:
        return tr("State");
    case JoinedAt:
        return tr("Joined at");
    case LeftAt:
        return tr("Left at");
    case ColumnCount:
        break;
    }
    return {};
}

void TimelineModel::setSource(space::MemberRegistry *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    if (!m_rows.empty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    m_source = source;
    if (!source)
        return;
    m_connections.append(
        connect(source, &space::MemberRegistry::changed, this, &TimelineModel::sync));
    m_connections.append(connect(source, &space::MemberRegistry::loaded, this, [this] {
        for (const space::MemberEntry &entry : m_source->cached())
            applyRecord(entry.record);
    }));
    for (const space::MemberEntry &entry : source->cached())
        applyRecord(entry.record);
}

void TimelineModel::sync(const QStringList &keys)
{
    if (!m_source)
        return;
    for (const QString &key : keys) {
        const std::optional<wire::MemberKey> parsed = wire::parseMemberKey(key);
        if (!parsed)
            continue;
        const std::optional<space::MemberEntry> entry =
            m_source->cachedEntry(parsed->channel, parsed->owner);
        if (entry)
            applyRecord(entry->record);
        else
            markRemoved(parsed->channel, parsed->owner);
    }
}

void TimelineModel::applyRecord(const wire::MembershipRecord &record)
{
    const auto order = [](const wire::MembershipRecord &r) {
        return std::tie(r.channel, r.owner, r.generation);
    };
    // Older generations of the key stop being current.
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (row.current && row.record.channel == record.channel &&
            row.record.owner == record.owner && row.record.generation != record.generation) {
            row.current = false;
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), record,
                                     [&order](const Row &row, const wire::MembershipRecord &r) {
                                         return order(row.record) < order(r);
                                     });
    const int at = int(it - m_rows.begin());
    if (it != m_rows.end() && order(it->record) == order(record)) {
        Row &row = *it;
        if (row.record == record && row.current)
            return;
        row.record = record;
        row.current = true;
        if (record.leaveCursor && row.leftAt <= 0)
            row.leftAt = record.updatedAt;
        emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
        return;
    }
    Row row;
    row.record = record;
    row.current = true;
    row.joinedAt = record.isTombstone() ? 0 : record.updatedAt;
    row.leftAt = record.isTombstone() ? record.updatedAt : 0;
    beginInsertRows({}, at, at);
    m_rows.insert(m_rows.begin() + at, std::move(row));
    endInsertRows();
}

void TimelineModel::markRemoved(const QString &channel, const QString &owner)
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (row.current && row.record.channel == channel && row.record.owner == owner) {
            row.current = false;
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
}

int TimelineModel::rowOf(const QString &channel, const QString &owner, qint64 generation) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const wire::MembershipRecord &r = m_rows[i].record;
        if (r.channel == channel && r.owner == owner && r.generation == generation)
            return int(i);
    }
    return -1;
}

QStringList TimelineModel::channels() const
{
    QStringList out;
    for (const Row &row : m_rows) {
        if (!out.contains(row.record.channel))
            out.append(row.record.channel);
    }
    return out;
}

QStringList TimelineModel::owners() const
{
    QStringList out;
    for (const Row &row : m_rows) {
        if (!out.contains(row.record.owner))
            out.append(row.record.owner);
    }
    out.sort();
    return out;
}

} // namespace cotal::ui
