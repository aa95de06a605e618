#include "ui/leasemodel.h"

#include <QDateTime>

namespace cotal::ui {

LeaseModel::LeaseModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // Four ticks a second keep the countdown honest and show an expiry well within a second.
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &LeaseModel::refresh);
}

LeaseModel::~LeaseModel() = default;

int LeaseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeaseModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LeaseModel::statusText(LeaseStatus status)
{
    switch (status) {
    case LeaseStatus::Absent:
        return tr("absent");
    case LeaseStatus::ClaimedNotReady:
        return tr("claimed, not ready");
    case LeaseStatus::Ready:
        return tr("ready");
    case LeaseStatus::Expired:
        return tr("expired");
    case LeaseStatus::Unreadable:
        return tr("cannot read");
    }
    return {};
}

QString LeaseModel::nameOf(const QString &id) const
{
    if (id.isEmpty())
        return {};
    const QString name = m_names.value(id);
    return name.isEmpty() ? id : tr("%1 (%2)").arg(name, id);
}

QString LeaseModel::warning(const Row &row) const
{
    switch (row.status) {
    case LeaseStatus::Ready:
        if (m_responder == ResponderStatus::NoResponders)
            return tr("The lease says ready, but nothing serves ctl.delivery: the holder has "
                      "died or lost its connection. Durable joins and leaves fail until the "
                      "lease expires or is force-released and a daemon starts.");
        if (m_responder == ResponderStatus::Silent)
            return tr("The lease says ready, but ctl.delivery does not answer in time: the "
                      "daemon may be wedged or overloaded.");
        return {};
    case LeaseStatus::ClaimedNotReady:
        return tr("A daemon took the lease but has not bound its consumers yet. If this lasts "
                  "more than a few seconds, it is stuck; the lease expires on its own when "
                  "nobody renews it.");
    case LeaseStatus::Expired:
        return tr("The holder stopped renewing and the bucket's 30 s TTL removed the lease: "
                  "no daemon is delivering durable copies. Start a delivery daemon.");
    case LeaseStatus::Absent:
        return tr("No delivery daemon holds the lease: durable channels are live-only until one "
                  "starts.");
    case LeaseStatus::Unreadable:
        return row.error.isEmpty() ? tr("The stored value is not a delivery lease.")
                                   : tr("The lease cannot be read: %1").arg(row.error);
    }
    return {};
}

bool LeaseModel::offersForceRelease(const Row &row) const
{
    if (row.revision == 0)
        return false;
    switch (row.status) {
    case LeaseStatus::Expired:
    case LeaseStatus::ClaimedNotReady:
        return true;
    case LeaseStatus::Ready:
        return m_responder == ResponderStatus::NoResponders ||
               m_responder == ResponderStatus::Silent;
    case LeaseStatus::Absent:
    case LeaseStatus::Unreadable:
        return false;
    }
    return false;
}

QVariant LeaseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case StatusRole:
        return int(row.status);
    case HolderIdRole:
        return row.holder;
    case RevisionRole:
        return row.revision;
    case TimeLeftMsRole:
        return row.timeLeftMs;
    case WarningRole:
        return warning(row);
    case ForceReleaseRole:
        return offersForceRelease(row);
    case ShardRole:
        return row.shard;
    case Qt::ToolTipRole:
        if (index.column() == State)
            return warning(row);
        if (index.column() == HoldersSeen)
            return row.holdersSeen.join(u'\n');
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool held = row.status != LeaseStatus::Absent && !row.holder.isEmpty();
    switch (Column(index.column())) {
    case Shard:
        return tr("lease.%1").arg(row.shard);
    case Holder:
        return held ? nameOf(row.holder) : QString();
    case State:
        return statusText(row.status);
    case Ready:
        return held ? (row.ready ? tr("yes") : tr("no")) : QString();
    case Since:
        return held && row.since > 0
                   ? QDateTime::fromMSecsSinceEpoch(qint64(row.since)).toString(Qt::ISODate)
                   : QString();
    case Revision:
        return row.revision == 0 ? QString() : QString::number(row.revision);
    case TimeLeft:
        if (row.status == LeaseStatus::ClaimedNotReady || row.status == LeaseStatus::Ready)
            return tr("%1 s").arg(double(row.timeLeftMs) / 1000.0, 0, 'f', 1);
        return row.status == LeaseStatus::Expired ? tr("0 s") : QString();
    case HoldersSeen: {
        QStringList names;
        for (const QString &id : row.holdersSeen)
            names.append(nameOf(id));
        return names.join(QStringLiteral(", "));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LeaseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Shard:
        return tr("Key");
    case Holder:
        return tr("Holder");
    case State:
        return tr("State");
    case Ready:
        return tr("Ready");
    case Since:
        return tr("Since");
    case Revision:
        return tr("Revision");
    case TimeLeft:
        return tr("Time left");
    case HoldersSeen:
        return tr("Holders seen");
    case ColumnCount:
        break;
    }
    return {};
}

void LeaseModel::setSource(space::DeliveryLease *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_timer.stop();
    if (!m_rows.empty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    m_source = source;
    if (!source)
        return;
    m_connections.append(
        connect(source, &space::DeliveryLease::changed, this,
                [this](const QList<space::LeaseState> &states) { apply(states, true); }));
    m_connections.append(connect(source, &space::DeliveryLease::loaded, this,
                                 [this] { apply(m_source->leases(), true); }));
    m_connections.append(connect(source, &space::DeliveryLease::watchFailed, this,
                                 [this](const nats::NatsError &error) {
                                     space::LeaseState failed;
                                     failed.error = error;
                                     apply({failed}, true);
                                 }));
    // The inspector always shows lease.0, the only shard the reference uses, even when absent.
    apply({source->cached(0)}, true);
    apply(source->leases(), true);
    m_timer.start();
}

void LeaseModel::setUnreadable(const QString &reason)
{
    setSource(nullptr);
    space::LeaseState denied;
    denied.error.kind = nats::NatsErrorKind::PermissionDenied;
    denied.error.message = reason;
    apply({denied}, true);
}

void LeaseModel::applyPolled(const space::LeaseState &state)
{
    apply({state}, false);
}

void LeaseModel::setNames(const QHash<QString, QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    if (!m_rows.empty())
        emit dataChanged(index(0, Holder), index(rowCount() - 1, HoldersSeen));
}

void LeaseModel::setResponderStatus(ResponderStatus status)
{
    if (status == m_responder)
        return;
    m_responder = status;
    // Warnings and the force-release offer follow the probe; only the state cells show it.
    if (!m_rows.empty())
        emit dataChanged(index(0, State), index(rowCount() - 1, State));
}

void LeaseModel::setRefreshInterval(int ms)
{
    m_timer.setInterval(ms);
}

int LeaseModel::rowOfShard(int shard) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].shard == shard)
            return int(i);
    }
    return -1;
}

LeaseModel::LeaseStatus LeaseModel::status(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].status : LeaseStatus::Absent;
}

QStringList LeaseModel::holdersSeen(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].holdersSeen : QStringList();
}

void LeaseModel::refresh()
{
    if (!m_source)
        return;
    QList<space::LeaseState> states;
    for (const Row &row : m_rows)
        states.append(m_source->cached(row.shard));
    apply(states, false);
}

void LeaseModel::applyRead(const space::LeaseState &state)
{
    apply({state}, true);
}

void LeaseModel::apply(const QList<space::LeaseState> &states, bool fromWatch)
{
    for (const space::LeaseState &state : states) {
        Row next;
        next.shard = state.shard;
        if (!state.ok()) {
            next.status = LeaseStatus::Unreadable;
            next.error = state.error.describe();
        } else if (state.undecodable) {
            next.status = LeaseStatus::Unreadable;
            next.revision = state.revision;
            next.timeLeftMs = state.timeLeftMs;
        } else if (state.lease) {
            next.status = state.lease->ready ? LeaseStatus::Ready : LeaseStatus::ClaimedNotReady;
            next.holder = state.lease->holder;
            next.ready = state.lease->ready;
            next.since = state.lease->since;
            next.revision = state.revision;
            next.timeLeftMs = state.timeLeftMs;
        }

        int rowIndex = rowOfShard(state.shard);
        if (rowIndex < 0) {
            rowIndex = 0;
            while (rowIndex < rowCount() && m_rows[size_t(rowIndex)].shard < state.shard)
                ++rowIndex;
            if (!next.holder.isEmpty())
                next.holdersSeen.append(next.holder);
            beginInsertRows({}, rowIndex, rowIndex);
            m_rows.insert(m_rows.begin() + rowIndex, next);
            endInsertRows();
            continue;
        }

        Row &row = m_rows[size_t(rowIndex)];
        // A held lease that vanished without a watch event was removed by the bucket's TTL: the
        // holder stopped renewing. Keep what it said, so the admin sees who went quiet.
        const bool wasHeld =
            row.status == LeaseStatus::Ready || row.status == LeaseStatus::ClaimedNotReady;
        if (!fromWatch && next.status == LeaseStatus::Absent &&
            (wasHeld || row.status == LeaseStatus::Expired)) {
            next = row;
            next.status = LeaseStatus::Expired;
            next.timeLeftMs = 0;
        }
        next.holdersSeen = row.holdersSeen;
        if (!next.holder.isEmpty() && !next.holdersSeen.contains(next.holder))
            next.holdersSeen.append(next.holder);

        const bool sameCells = next.status == row.status && next.holder == row.holder &&
                               next.ready == row.ready && next.since == row.since &&
                               next.revision == row.revision && next.error == row.error &&
                               next.holdersSeen == row.holdersSeen;
        const bool tickOnly = sameCells && next.timeLeftMs != row.timeLeftMs;
        if (sameCells && !tickOnly)
            continue;
        row = std::move(next);
        if (tickOnly)
            emit dataChanged(index(rowIndex, TimeLeft), index(rowIndex, TimeLeft));
        else
            emit dataChanged(index(rowIndex, 0), index(rowIndex, ColumnCount - 1));
    }
}

} // namespace cotal::ui
