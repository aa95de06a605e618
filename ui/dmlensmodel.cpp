#include "ui/dmlensmodel.h"

#include "ui/feedmodel.h"
#include "ui/presencestyle.h"

#include <QSet>
#include <algorithm>

namespace cotal::ui {

DmLensModel::DmLensModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int DmLensModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DmLensModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void DmLensModel::setPeerNames(const QHash<QString, QString> &names)
{
    if (names == m_peerNames)
        return;
    m_peerNames = names;
    if (!m_rows.empty())
        emit dataChanged(index(0, PeerA), index(rowCount() - 1, PeerB), {Qt::DisplayRole});
}

QString DmLensModel::nameOf(const QString &id) const
{
    QString name = m_peerNames.value(id);
    if (name.isEmpty())
        name = m_names.value(id);
    return name.isEmpty() ? id : name;
}

QVariant DmLensModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PeerA:
            return nameOf(row.a);
        case PeerB:
            return nameOf(row.b);
        case Messages:
            return QString::number(row.messages);
        case LastAt:
            return formatTime(row.lastTs);
        case LastText:
            return QString(row.lastText).replace(QLatin1Char('\n'), QLatin1Char(' '));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == PeerA)
            return row.a;
        if (index.column() == PeerB)
            return row.b;
        return {};
    case RawRole:
        if (index.column() == Messages)
            return row.messages;
        if (index.column() == LastAt)
            return row.lastTs;
        return data(index, Qt::DisplayRole);
    case PeerAIdRole:
        return row.a;
    case PeerBIdRole:
        return row.b;
    default:
        return {};
    }
}

QVariant DmLensModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PeerA:
        return tr("Peer A");
    case PeerB:
        return tr("Peer B");
    case Messages:
        return tr("Messages");
    case LastAt:
        return tr("Last");
    case LastText:
        return tr("Latest message");
    default:
        return {};
    }
}

void DmLensModel::append(const QList<endpoint::ReceivedMessage> &batch)
{
    QSet<int> changed;
    std::vector<Row> added;
    QHash<QString, int> addedAt;
    for (const endpoint::ReceivedMessage &received : batch) {
        if (received.kind != wire::DeliveryKind::Dm)
            continue;
        const wire::CotalMessage &m = received.message;
        if (!m.from.name.isEmpty())
            m_names.insert(m.from.id, m.from.name);
        const QString a = std::min(m.from.id, m.route.target);
        const QString b = std::max(m.from.id, m.route.target);
        const QString key = a + QLatin1Char('\n') + b;
        Row *row = nullptr;
        const int existing = m_rowOf.value(key, -1);
        if (existing >= 0) {
            row = &m_rows[static_cast<size_t>(existing)];
            changed.insert(existing);
        } else {
            const int at = addedAt.value(key, -1);
            if (at >= 0) {
                row = &added[static_cast<size_t>(at)];
            } else {
                addedAt.insert(key, static_cast<int>(added.size()));
                added.push_back(Row{a, b, 0, 0, {}});
                row = &added.back();
            }
        }
        ++row->messages;
        if (m.ts >= row->lastTs) {
            row->lastTs = m.ts;
            row->lastText = FeedModel::plainText(m).left(200);
        }
    }
    for (const int row : std::as_const(changed))
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (added.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (Row &row : added) {
        m_rowOf.insert(row.a + QLatin1Char('\n') + row.b, static_cast<int>(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

void DmLensModel::clear()
{
    m_names.clear();
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

} // namespace cotal::ui
