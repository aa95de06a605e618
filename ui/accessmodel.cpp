#include "ui/accessmodel.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace cotal::ui {

using space::AccessCell;
using space::AccessRow;
using space::DurableState;

namespace {

QString when(double epochMs)
{
    if (epochMs <= 0)
        return AccessModel::tr("never");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(epochMs)),
                              QLocale::ShortFormat);
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

bool rowHasDrift(const AccessRow &row)
{
    if (row.drift != space::NoDrift)
        return true;
    return std::any_of(row.cells.cbegin(), row.cells.cend(),
                       [](const AccessCell &cell) { return cell.drift != space::NoDrift; });
}

} // namespace

AccessModel::AccessModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AccessModel::setMatrix(space::AccessMatrix matrix, QString aclDenied, QString feedDenied,
                            QString membersDenied)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    m_aclDenied = std::move(aclDenied);
    m_feedDenied = std::move(feedDenied);
    m_membersDenied = std::move(membersDenied);
    m_rowDrift.clear();
    m_rowDrift.reserve(m_matrix.rows.size());
    for (const AccessRow &row : m_matrix.rows)
        m_rowDrift.append(rowHasDrift(row));
    endResetModel();
}

int AccessModel::rowOf(const QString &agent) const
{
    for (qsizetype row = 0; row < m_matrix.rows.size(); ++row) {
        if (m_matrix.rows.at(row).agent == agent)
            return int(row);
    }
    return -1;
}

int AccessModel::columnOf(const QString &channel) const
{
    const qsizetype column = m_matrix.channels.indexOf(channel);
    return column < 0 ? -1 : int(column) + 1;
}

int AccessModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.rows.size());
}

int AccessModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.channels.size()) + 1;
}

QVariant AccessModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccessRow &row = m_matrix.rows.at(index.row());
    const bool agentColumn = index.column() == 0;
    const AccessCell *cell = agentColumn ? nullptr : &row.cells.at(index.column() - 1);
    const quint8 drift = agentColumn ? row.drift : cell->drift;
    switch (role) {
    case Qt::DisplayRole:
        return agentColumn ? agentText(row) : cellText(*cell);
    case Qt::ToolTipRole:
        return explain(index);
    case Qt::BackgroundRole:
        // Translucent amber reads on light and dark palettes alike.
        return drift != space::NoDrift ? QVariant(QColor(255, 170, 0, 110)) : QVariant();
    case Qt::TextAlignmentRole:
        return agentColumn ? QVariant() : QVariant(Qt::AlignCenter);
    case AgentRole:
        return row.agent;
    case ChannelRole:
        return agentColumn ? QString() : m_matrix.channels.at(index.column() - 1);
    case AgentRoleNameRole:
        return row.role;
    case DriftRole:
        return drift;
    case RowDriftRole:
        return m_rowDrift.at(index.row());
    default:
        return {};
    }
}

QVariant AccessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return section == 0 ? tr("Agent") : m_matrix.channels.at(section - 1);
    if (role == Qt::ToolTipRole && section > 0)
        return tr("Channel %1").arg(m_matrix.channels.at(section - 1));
    return {};
}

QString AccessModel::agentText(const AccessRow &row) const
{
    return row.role.isEmpty() ? row.name : tr("%1 (%2)").arg(row.name, row.role);
}

QString AccessModel::cellText(const AccessCell &cell) const
{
    QStringList parts;
    if (cell.covered.value_or(false))
        parts.append(tr("ACL"));
    if (cell.live.value_or(false))
        parts.append(tr("live"));
    switch (cell.durable) {
    case DurableState::Active:
        parts.append(tr("durable"));
        break;
    case DurableState::Pending:
        parts.append(tr("pending"));
        break;
    case DurableState::Tombstoned:
        parts.append(tr("left"));
        break;
    case DurableState::None:
        break;
    }
    return parts.join(QStringLiteral(" · "));
}

QString AccessModel::explain(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccessRow &row = m_matrix.rows.at(index.row());
    if (index.column() == 0)
        return explainAgent(row);
    return explainCell(row, m_matrix.channels.at(index.column() - 1),
                       row.cells.at(index.column() - 1));
}

QString AccessModel::explainAgent(const AccessRow &row) const
{
    QStringList lines;
    lines.append(tr("%1 — %2").arg(row.name, row.agent));
    lines.append(row.online ? tr("Online now.")
                            : tr("Not in the roster; last seen %1.").arg(when(row.lastSeen)));
    switch (row.acl) {
    case AccessRow::Acl::Record:
        lines.append(tr("Read ACL: %1 (written %2).")
                         .arg(row.allow.isEmpty() ? tr("reads nothing")
                                                  : row.allow.join(QStringLiteral(", ")),
                              when(row.aclUpdatedAt)));
        break;
    case AccessRow::Acl::NoRecord:
        lines.append(tr("No read ACL record: the delivery daemon defers its durable copies, "
                        "then drops them."));
        break;
    case AccessRow::Acl::Undecodable:
        lines.append(tr("Its read ACL record does not decode: the delivery daemon treats it as "
                        "unknown, defers its copies, then drops them."));
        break;
    case AccessRow::Acl::Unreadable:
        lines.append(tr("Read ACL: cannot read — %1.").arg(m_aclDenied));
        break;
    }
    if (row.grants)
        lines.append(tr("Its credential may subscribe to: %1.")
                         .arg(row.grants->isEmpty() ? tr("nothing")
                                                    : row.grants->join(QStringLiteral(", "))));
    if (row.drift & space::StaleAcl)
        lines.append(tr("Stale: an ACL record for an agent not seen for more than %1 days.")
                         .arg(space::AccessInput{}.staleAfterMs / (24 * 3600 * 1000)));
    return lines.join(u'\n');
}

QString AccessModel::explainCell(const AccessRow &row, const QString &channel,
                                 const AccessCell &cell) const
{
    QStringList lines;
    lines.append(tr("%1 on #%2").arg(row.name, channel));
    if (!cell.covered)
        lines.append(tr("ACL: cannot read — %1.").arg(m_aclDenied));
    else if (*cell.covered)
        lines.append(tr("Covered by its read ACL through \"%1\".").arg(cell.coveringPattern));
    else if (row.acl == AccessRow::Acl::Record)
        lines.append(tr("Not covered by its read ACL."));
    else
        lines.append(tr("Not covered: it has no usable read ACL record."));
    if (!cell.live)
        lines.append(tr("Live: not shown — %1.").arg(m_feedDenied));
    else if (*cell.live)
        lines.append(tr("Subscribed live now through \"%1\".").arg(cell.livePattern));
    else
        lines.append(tr("Not subscribed live now."));
    if (cell.granted && *cell.granted)
        lines.append(
            tr("Its credential may subscribe to it through \"%1\".").arg(cell.grantPattern));
    else if (cell.granted)
        lines.append(tr("Its credential may not subscribe to it: the broker refuses a live "
                        "subscription (durable copies still arrive through its DLV)."));
    if (!m_matrix.membersReadable) {
        lines.append(tr("Durable: cannot read the members bucket — %1.").arg(m_membersDenied));
    } else if (cell.member) {
        const wire::MembershipRecord &record = cell.member->record;
        switch (cell.durable) {
        case DurableState::Active:
            lines.append(tr("Durable member since %1 (generation %2, from CHAT sequence %3): "
                            "gets what it missed.")
                             .arg(when(record.updatedAt))
                             .arg(record.generation)
                             .arg(record.joinCursor));
            break;
        case DurableState::Pending:
            lines.append(tr("Durable member, catch-up pending (generation %1, from CHAT "
                            "sequence %2).")
                             .arg(record.generation)
                             .arg(record.joinCursor));
            break;
        case DurableState::Tombstoned:
            lines.append(tr("Left the durable membership at CHAT sequence %1 (%2).")
                             .arg(record.leaveCursor.value_or(0))
                             .arg(when(record.updatedAt)));
            break;
        case DurableState::None:
            break;
        }
    } else {
        lines.append(tr("Not a durable member."));
    }
    if (cell.drift & space::LiveUncovered)
        lines.append(tr("Drift: it reads this channel live although its ACL does not cover it."));
    if (cell.drift & space::DurableUncovered)
        lines.append(tr("Risk: a durable member its ACL no longer covers — its copies will be "
                        "dropped."));
    return lines.join(u'\n');
}

QByteArray AccessModel::toCsv() const
{
    QStringList header{tr("agent id"), tr("agent"), tr("role")};
    header.append(m_matrix.channels);
    QStringList lines{header.join(u',')};
    for (const AccessRow &row : m_matrix.rows) {
        QStringList fields{csvField(row.agent), csvField(row.name), csvField(row.role)};
        for (const AccessCell &cell : row.cells)
            fields.append(csvField(cellText(cell)));
        lines.append(fields.join(u','));
    }
    return (lines.join(u'\n') + u'\n').toUtf8();
}

} // namespace cotal::ui
