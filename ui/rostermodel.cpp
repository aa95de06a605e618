#include "ui/rostermodel.h"

#include "ui/presencestyle.h"

#include <QDateTime>
#include <algorithm>

namespace cotal::ui {

using wire::Presence;
using wire::PresenceStatus;

namespace {

QString metaString(const Presence &presence, const QString &key)
{
    if (!presence.card.meta)
        return {};
    const wire::JsonValue *value = presence.card.meta->find(key);
    return value && value->isString() ? value->toString() : QString();
}

// A heartbeat changes only `ts`: the displayed row is the same apart from the age column.
bool sameDisplay(const Presence &a, const Presence &b)
{
    return a.card == b.card && a.status == b.status && a.activity == b.activity &&
           a.attention == b.attention && a.channelModes == b.channelModes;
}

} // namespace

RosterModel::RosterModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &RosterModel::refreshAges);
}

int RosterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RosterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return PresenceStyle::colour(row.presence.status);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return row.presence.card.id;
        if (index.column() == Activity)
            return row.presence.activity.value_or(QString());
        // Narrow columns elide: the whole value is a hover away.
        if (index.column() == Role || index.column() == Harness || index.column() == Model)
            return displayValue(row, index.column());
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == Status)
            return PresenceStyle::label(row.presence.status);
        return displayValue(row, index.column());
    case RawRole:
        return rawValue(row, index.column());
    case IdRole:
        return row.presence.card.id;
    case StatusRole:
        return static_cast<int>(row.presence.status);
    case StatusSinceRole:
        return row.statusSinceMs;
    default:
        return {};
    }
}

QVariant RosterModel::displayValue(const Row &row, int column) const
{
    const Presence &p = row.presence;
    switch (column) {
    case Name:
        return p.card.name.isEmpty() ? p.card.id : p.card.name;
    case Status:
        return PresenceStyle::glyph(p.status) + QLatin1Char(' ') + PresenceStyle::label(p.status);
    case Role:
        return p.card.role.value_or(QString());
    case Activity:
        return p.activity.value_or(QString());
    case Harness:
        return metaString(p, QStringLiteral("connector"));
    case Model:
        return metaString(p, QStringLiteral("model"));
    case HeartbeatAge:
        return formatAge(now() - static_cast<qint64>(p.ts));
    default:
        return {};
    }
}

QVariant RosterModel::rawValue(const Row &row, int column) const
{
    const Presence &p = row.presence;
    switch (column) {
    case Status:
        return PresenceStyle::rank(p.status);
    case HeartbeatAge:
        return now() - static_cast<qint64>(p.ts);
    default:
        return displayValue(row, column);
    }
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case Role:
        return tr("Role", "agent role column");
    case Activity:
        return tr("Activity");
    case Harness:
        return tr("Harness");
    case Model:
        return tr("Model", "LLM model column");
    case HeartbeatAge:
        return tr("Heartbeat");
    default:
        return {};
    }
}

void RosterModel::setRoster(const QList<Presence> &roster)
{
    const qint64 nowMs = now();
    QHash<QString, int> seen;
    seen.reserve(roster.size());
    std::vector<int> changed;
    std::vector<Row> added;
    for (const Presence &p : roster) {
        seen.insert(p.card.id, 0);
        const auto it = m_rowById.constFind(p.card.id);
        if (it == m_rowById.constEnd()) {
            added.push_back(Row{p, nowMs});
            continue;
        }
        Row &row = m_rows[static_cast<size_t>(*it)];
        const bool visible = !sameDisplay(row.presence, p);
        if (row.presence.status != p.status)
            row.statusSinceMs = nowMs;
        row.presence = p;
        if (visible)
            changed.push_back(*it);
    }

    // Peers leave the endpoint's roster only when a session is rebuilt: start over then.
    if (seen.size() != static_cast<qsizetype>(m_rows.size() + added.size())) {
        beginResetModel();
        std::vector<Row> rows;
        rows.reserve(static_cast<size_t>(roster.size()));
        for (const Presence &p : roster) {
            const auto it = m_rowById.constFind(p.card.id);
            const qint64 since =
                it == m_rowById.constEnd() ? nowMs : m_rows[static_cast<size_t>(*it)].statusSinceMs;
            rows.push_back(Row{p, since});
        }
        m_rows = std::move(rows);
        m_rowById.clear();
        for (size_t i = 0; i < m_rows.size(); ++i)
            m_rowById.insert(m_rows[i].presence.card.id, static_cast<int>(i));
        endResetModel();
    } else {
        emitChangedRows(changed);
        if (!added.empty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
            m_rows.reserve(m_rows.size() + added.size());
            for (Row &row : added) {
                m_rowById.insert(row.presence.card.id, static_cast<int>(m_rows.size()));
                m_rows.push_back(std::move(row));
            }
            endInsertRows();
        }
    }
    if (!m_rows.empty() && !m_ageTimer.isActive())
        m_ageTimer.start();
    emit countsChanged();
}

void RosterModel::emitChangedRows(const std::vector<int> &rows)
{
    if (rows.empty())
        return;
    if (rows.size() * 2 > m_rows.size()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    std::vector<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    // Contiguous runs become one full-width range each.
    size_t start = 0;
    for (size_t i = 1; i <= sorted.size(); ++i) {
        if (i == sorted.size() || sorted[i] != sorted[i - 1] + 1) {
            emit dataChanged(index(sorted[start], 0), index(sorted[i - 1], ColumnCount - 1));
            start = i;
        }
    }
}

void RosterModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    endResetModel();
    m_ageTimer.stop();
    emit countsChanged();
}

int RosterModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

const Presence *RosterModel::presence(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_rows[static_cast<size_t>(row)].presence;
}

const Presence *RosterModel::presenceById(const QString &id) const
{
    return presence(rowOf(id));
}

qint64 RosterModel::statusSince(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    return m_rows[static_cast<size_t>(row)].statusSinceMs;
}

RosterModel::Counts RosterModel::counts() const
{
    Counts counts;
    for (const Row &row : m_rows) {
        switch (row.presence.status) {
        case PresenceStatus::Working:
            ++counts.working;
            break;
        case PresenceStatus::Waiting:
            ++counts.waiting;
            if (counts.oldestWaitingId.isEmpty() ||
                row.statusSinceMs < counts.oldestWaitingSinceMs) {
                counts.oldestWaitingId = row.presence.card.id;
                counts.oldestWaitingSinceMs = row.statusSinceMs;
            }
            break;
        case PresenceStatus::Idle:
            ++counts.idle;
            break;
        case PresenceStatus::Offline:
            ++counts.offline;
            break;
        }
    }
    return counts;
}

void RosterModel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

void RosterModel::setAgeRefreshInterval(int ms)
{
    m_ageTimer.setInterval(ms);
}

void RosterModel::refreshAges()
{
    if (m_rows.empty())
        return;
    emit dataChanged(index(0, HeartbeatAge), index(rowCount() - 1, HeartbeatAge),
                     {Qt::DisplayRole, Qt::AccessibleTextRole, RawRole});
    // The tiles show how long the oldest agent has waited: that ticks with the ages.
    emit countsChanged();
}

qint64 RosterModel::now() const
{
    return m_clock();
}

} // namespace cotal::ui
