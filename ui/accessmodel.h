#pragma once

#include "core/space/accessmatrix.h"

#include <QAbstractTableModel>

namespace cotal::ui {

// Agents × channels: in each cell whether the agent's read ACL covers the channel, whether it
// reads it live now (membership feed) and its durable membership (members bucket), with drift
// highlighted and every cell explained in words. Column 0 is the agent.
class AccessModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessModel)

public:
    enum Role
    {
        AgentRole = Qt::UserRole + 1,
        ChannelRole, // empty in column 0
        AgentRoleNameRole,
        DriftRole,    // quint8 AccessDrift flags of the cell (column 0: of the row)
        RowDriftRole, // any drift in the row, cells included
    };

    explicit AccessModel(QObject *parent = nullptr);

    // `unreadable`: per source (ACL, feed, members) why it cannot be read, for the explanations.
    void setMatrix(space::AccessMatrix matrix, QString aclDenied = {}, QString feedDenied = {},
                   QString membersDenied = {});
    const space::AccessMatrix &matrix() const { return m_matrix; }
    int rowOf(const QString &agent) const;
    int columnOf(const QString &channel) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The cell (or the agent, in column 0) in sentences.
    QString explain(const QModelIndex &index) const;
    // Every agent and channel, one row per agent, cells as shown.
    QByteArray toCsv() const;

private:
    QString cellText(const space::AccessCell &cell) const;
    QString agentText(const space::AccessRow &row) const;
    QString explainAgent(const space::AccessRow &row) const;
    QString explainCell(const space::AccessRow &row, const QString &channel,
                        const space::AccessCell &cell) const;

    space::AccessMatrix m_matrix;
    QList<bool> m_rowDrift;
    QString m_aclDenied;
    QString m_feedDenied;
    QString m_membersDenied;
};

} // namespace cotal::ui
