#include "ui/clustermodel.h"

namespace cotal::ui {

ClusterModel::ClusterModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ClusterModel::setRefusedRemedy(const QString &remedy)
{
    m_refusedRemedy = remedy;
    if (!m_streams.isEmpty())
        emit dataChanged(index(0, StateColumn), index(int(m_streams.size()) - 1, StateColumn));
}

void ClusterModel::setStreams(const QList<space::StreamPlacement> &streams)
{
    // The 12 streams keep their order poll after poll: update in place when the rows match.
    bool sameRows = streams.size() == m_streams.size();
    for (qsizetype i = 0; sameRows && i < streams.size(); ++i)
        sameRows = streams.at(i).stream == m_streams.at(i).stream;
    if (!sameRows) {
        beginResetModel();
        m_streams = streams;
        endResetModel();
        return;
    }
    m_streams = streams;
    if (!m_streams.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_streams.size()) - 1, ColumnCount - 1));
}

void ClusterModel::clear()
{
    beginResetModel();
    m_streams.clear();
    endResetModel();
}

int ClusterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_streams.size());
}

int ClusterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClusterModel::followersText(const space::StreamPlacement &placement)
{
    QStringList parts;
    for (const space::StreamFollower &follower : placement.followers) {
        if (follower.offline)
            parts.append(tr("%1 offline").arg(follower.server));
        else if (!follower.current)
            parts.append(tr("%1 behind by %2").arg(follower.server).arg(follower.lag));
        else
            parts.append(tr("%1 current").arg(follower.server));
    }
    return parts.join(QStringLiteral(", "));
}

bool ClusterModel::isProblem(const space::StreamPlacement &placement)
{
    if (!placement.ok() || placement.leader.isEmpty())
        return true;
    for (const space::StreamFollower &follower : placement.followers) {
        if (follower.offline || !follower.current)
            return true;
    }
    return placement.replicas > 1 && placement.followers.size() + 1 < placement.replicas;
}

QString ClusterModel::stateText(const space::StreamPlacement &placement) const
{
    if (!placement.ok()) {
        if (placement.error.kind == nats::NatsErrorKind::PermissionDenied)
            return tr("cannot read — needs %1").arg(m_refusedRemedy);
        return tr("lookup failed — %1").arg(placement.error.describe());
    }
    if (placement.leader.isEmpty())
        return tr("no leader — an election is running or too few copies are reachable");
    int missing = 0;
    for (const space::StreamFollower &follower : placement.followers) {
        if (follower.offline || !follower.current)
            ++missing;
    }
    if (missing == 1)
        return tr("1 copy not current");
    if (missing > 1)
        return tr("%1 copies not current").arg(missing);
    if (placement.cluster.isEmpty() || placement.replicas <= 1)
        return tr("one copy — a lost server loses the stream");
    return tr("all %1 copies current").arg(placement.replicas);
}

QVariant ClusterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const space::StreamPlacement &placement = m_streams.at(index.row());
    if (role == ProblemRole)
        return isProblem(placement);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case StreamColumn:
        return placement.stream;
    case ReplicasColumn:
        return placement.ok() ? QVariant(placement.replicas) : QVariant();
    case LeaderColumn:
        if (!placement.ok())
            return QString();
        return placement.leader.isEmpty() ? tr("none") : placement.leader;
    case FollowersColumn:
        return followersText(placement);
    case StateColumn:
        return stateText(placement);
    default:
        return {};
    }
}

QVariant ClusterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StreamColumn:
        return tr("Stream");
    case ReplicasColumn:
        return tr("Replicas");
    case LeaderColumn:
        return tr("Leader");
    case FollowersColumn:
        return tr("Followers");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace cotal::ui
