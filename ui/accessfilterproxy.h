#pragma once

#include <QSortFilterProxyModel>

namespace cotal::ui {

// Filters the access view: agents by name or id, by role, channels by name (the agent column
// stays), and optionally only the agents with some drift.
class AccessFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessFilterProxy)

public:
    explicit AccessFilterProxy(QObject *parent = nullptr);

    void setAgentFilter(const QString &text);
    void setRoleFilter(const QString &text);
    void setChannelFilter(const QString &text);
    void setOnlyDrift(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool filterAcceptsColumn(int sourceColumn, const QModelIndex &sourceParent) const override;

private:
    QString m_agent;
    QString m_role;
    QString m_channel;
    bool m_onlyDrift = false;
};

} // namespace cotal::ui
