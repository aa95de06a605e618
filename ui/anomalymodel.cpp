#include "ui/anomalymodel.h"

#include "ui/presencestyle.h"

namespace cotal::ui {

using endpoint::Anomaly;
using endpoint::ReceivedMessage;

AnomalyModel::AnomalyModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AnomalyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AnomalyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AnomalyModel::reasonText(Anomaly::Reason reason)
{
    switch (reason) {
    case Anomaly::Reason::MalformedJson:
        return tr("malformed JSON");
    case Anomaly::Reason::SenderMismatch:
        return tr("spoofed sender");
    case Anomaly::Reason::MalformedSubject:
        return tr("malformed subject");
    case Anomaly::Reason::ForgedPresence:
        break;
    }
    return tr("forged presence");
}

QString AnomalyModel::pathText(ReceivedMessage::Path path)
{
    switch (path) {
    case ReceivedMessage::Path::Live:
        return tr("live");
    case ReceivedMessage::Path::Backfill:
        return tr("backfill");
    case ReceivedMessage::Path::Dm:
        return tr("DM consumer");
    case ReceivedMessage::Path::Task:
        return tr("role queue");
    case ReceivedMessage::Path::Dlv:
        return tr("durable backstop");
    case ReceivedMessage::Path::Tap:
        return tr("tap");
    case ReceivedMessage::Path::Presence:
        break;
    }
    return tr("presence");
}

QVariant AnomalyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Anomaly &a = m_rows[static_cast<size_t>(index.row())];
    if (role == Qt::ToolTipRole && index.column() == Reason)
        return a.reasonToken();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return formatTime(static_cast<double>(a.receivedMs));
    case Reason:
        return reasonText(a.reason);
    case Path:
        return pathText(a.path);
    case Subject:
        return a.subject;
    case Terminated:
        return a.terminated ? tr("terminated") : QString();
    case Detail:
        return a.detail;
    default:
        return {};
    }
}

QVariant AnomalyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Reason:
        return tr("Reason");
    case Path:
        return tr("Path");
    case Subject:
        return tr("Subject");
    case Terminated:
        return tr("JetStream copy");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

void AnomalyModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    const int excess = rowCount() - m_capacity;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    endRemoveRows();
}

void AnomalyModel::append(const Anomaly &anomaly)
{
    if (rowCount() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rows.push_back(anomaly);
    endInsertRows();
}

void AnomalyModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace cotal::ui
