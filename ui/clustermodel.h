#pragma once

#include "core/space/clustermonitor.h"

#include <QAbstractTableModel>

namespace cotal::ui {

// The space's streams as a cluster keeps them: one row per stream with its configured copies,
// leader, followers (current, offline, lag) and a verdict in words.
class ClusterModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterModel)

public:
    enum Column
    {
        StreamColumn,
        ReplicasColumn,
        LeaderColumn,
        FollowersColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        ProblemRole = Qt::UserRole + 1, // bool: the row needs the admin's eye
    };

    explicit ClusterModel(QObject *parent = nullptr);

    // What a refused lookup needs, e.g. "a provisioner credential".
    void setRefusedRemedy(const QString &remedy);
    void setStreams(const QList<space::StreamPlacement> &streams);
    void clear();
    const space::StreamPlacement &placement(int row) const { return m_streams.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString followersText(const space::StreamPlacement &placement);
    QString stateText(const space::StreamPlacement &placement) const;
    static bool isProblem(const space::StreamPlacement &placement);

private:
    QList<space::StreamPlacement> m_streams;
    QString m_refusedRemedy;
};

} // namespace cotal::ui
