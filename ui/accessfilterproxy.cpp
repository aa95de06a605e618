#include "ui/accessfilterproxy.h"

#include "ui/accessmodel.h"

namespace cotal::ui {

AccessFilterProxy::AccessFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void AccessFilterProxy::setAgentFilter(const QString &text)
{
    m_agent = text.trimmed();
    invalidateRowsFilter();
}

void AccessFilterProxy::setRoleFilter(const QString &text)
{
    m_role = text.trimmed();
    invalidateRowsFilter();
}

void AccessFilterProxy::setChannelFilter(const QString &text)
{
    m_channel = text.trimmed();
    invalidateColumnsFilter();
}

void AccessFilterProxy::setOnlyDrift(bool only)
{
    m_onlyDrift = only;
    invalidateRowsFilter();
}

bool AccessFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex agent = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyDrift && !agent.data(AccessModel::RowDriftRole).toBool())
        return false;
    if (!m_role.isEmpty() && !agent.data(AccessModel::AgentRoleNameRole)
                                  .toString()
                                  .contains(m_role, Qt::CaseInsensitive))
        return false;
    return m_agent.isEmpty() ||
           agent.data(Qt::DisplayRole).toString().contains(m_agent, Qt::CaseInsensitive) ||
           agent.data(AccessModel::AgentRole).toString().contains(m_agent, Qt::CaseInsensitive);
}

bool AccessFilterProxy::filterAcceptsColumn(int sourceColumn, const QModelIndex &) const
{
    if (sourceColumn == 0 || m_channel.isEmpty())
        return true;
    return sourceModel()
        ->headerData(sourceColumn, Qt::Horizontal)
        .toString()
        .contains(m_channel, Qt::CaseInsensitive);
}

} // namespace cotal::ui
