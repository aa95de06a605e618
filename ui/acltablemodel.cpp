#include "ui/acltablemodel.h"

#include <QDateTime>
#include <QSet>
#include <algorithm>

namespace cotal::ui {

namespace {

std::optional<double> updatedAtOf(const std::optional<space::AclLookup> &lookup)
{
    const wire::AclRecord *record = lookup ? lookup->acl.record() : nullptr;
    return record ? record->updatedAt : std::nullopt;
}

std::optional<qint64> revisionOf(const std::optional<space::AclLookup> &lookup)
{
    const wire::AclRecord *record = lookup ? lookup->acl.record() : nullptr;
    return record ? record->revision : std::nullopt;
}

} // namespace

AclTableModel::AclTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AclTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AclTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AclTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Patterns)
            return patternsText(row);
        if (index.column() == Owner)
            return displayValue(row, Owner);
        return {};
    case RawRole:
        return rawValue(row, index.column());
    case OwnerRole:
        return row.owner;
    case HasRecordRole:
        return row.lookup.has_value();
    default:
        return {};
    }
}

QVariant AclTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Owner:
        return tr("Owner");
    case Name:
        return tr("Name");
    case Role:
        return tr("Role");
    case Patterns:
        return tr("Reads (allowSubscribe)");
    case Revision:
        return tr("Revision");
    case UpdatedAt:
        return tr("Updated");
    default:
        return {};
    }
}

void AclTableModel::setRecord(const QString &owner, const std::optional<space::AclLookup> &lookup)
{
    if (lookup)
        m_records.insert(owner, *lookup);
    else
        m_records.remove(owner);
    sync();
}

void AclTableModel::setRecords(const QList<QPair<QString, space::AclLookup>> &records)
{
    m_records.clear();
    for (const auto &[owner, lookup] : records)
        m_records.insert(owner, lookup);
    sync();
}

void AclTableModel::setRoster(const QList<wire::Presence> &roster)
{
    m_people.clear();
    for (const wire::Presence &presence : roster)
        m_people.insert(presence.card.id,
                        Person{presence.card.name, presence.card.role.value_or(QString())});
    sync();
}

void AclTableModel::clear()
{
    m_records.clear();
    m_people.clear();
    m_unreadable.clear();
    sync();
}

int AclTableModel::rowOf(const QString &owner) const
{
    const auto it =
        std::lower_bound(m_rows.cbegin(), m_rows.cend(), owner,
                         [](const Row &row, const QString &key) { return row.owner < key; });
    return it != m_rows.cend() && it->owner == owner ? int(it - m_rows.cbegin()) : -1;
}

QString AclTableModel::ownerAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows.at(size_t(row)).owner : QString();
}

std::optional<space::AclLookup> AclTableModel::record(const QString &owner) const
{
    const auto it = m_records.constFind(owner);
    return it == m_records.cend() ? std::nullopt : std::optional(*it);
}

QStringList AclTableModel::owners() const
{
    QStringList owners;
    owners.reserve(qsizetype(m_rows.size()));
    for (const Row &row : m_rows)
        owners.append(row.owner);
    return owners;
}

QString AclTableModel::standingText(const std::optional<space::AclLookup> &lookup)
{
    if (!lookup || lookup->absence == space::AclLookup::Absence::Absent ||
        lookup->absence == space::AclLookup::Absence::Deleted)
        return tr("no record — the daemon defers their copies");
    if (lookup->absence == space::AclLookup::Absence::Undecodable)
        return tr("undecodable record — the daemon defers their copies");
    const wire::AclRecord *record = lookup->acl.record();
    if (!record || record->allowSubscribe.isEmpty())
        return tr("reads nothing");
    return record->allowSubscribe.join(QStringLiteral(", "));
}

QString AclTableModel::patternsText(const Row &row) const
{
    if (!row.lookup && !m_unreadable.isEmpty())
        return tr("cannot read — %1").arg(m_unreadable);
    return standingText(row.lookup);
}

void AclTableModel::setUnreadable(const QString &reason)
{
    if (reason == m_unreadable)
        return;
    m_unreadable = reason;
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void AclTableModel::sync()
{
    QSet<QString> wanted;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it)
        wanted.insert(it.key());
    for (auto it = m_people.cbegin(); it != m_people.cend(); ++it)
        wanted.insert(it.key());
    QStringList sorted(wanted.cbegin(), wanted.cend());
    std::sort(sorted.begin(), sorted.end());

    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_rows.at(size_t(i)).owner))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.erase(m_rows.begin() + i);
        endRemoveRows();
    }
    // m_rows is now a sorted subset of `sorted`: insert the missing owners where they belong.
    for (int i = 0; i < sorted.size(); ++i) {
        const QString &owner = sorted.at(i);
        if (i < int(m_rows.size()) && m_rows.at(size_t(i)).owner == owner)
            continue;
        beginInsertRows({}, i, i);
        m_rows.insert(m_rows.begin() + i, rowFor(owner));
        endInsertRows();
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row fresh = rowFor(m_rows.at(size_t(i)).owner);
        if (sameRow(fresh, m_rows.at(size_t(i))))
            continue;
        m_rows[size_t(i)] = std::move(fresh);
        first = first < 0 ? i : first;
        last = i;
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

AclTableModel::Row AclTableModel::rowFor(const QString &owner) const
{
    Row row;
    row.owner = owner;
    row.lookup = record(owner);
    const auto person = m_people.constFind(owner);
    if (person != m_people.cend())
        row.person = *person;
    return row;
}

bool AclTableModel::sameRow(const Row &a, const Row &b)
{
    if (a.owner != b.owner || a.person != b.person || a.lookup.has_value() != b.lookup.has_value())
        return false;
    if (!a.lookup)
        return true;
    const wire::AclRecord *left = a.lookup->acl.record();
    const wire::AclRecord *right = b.lookup->acl.record();
    return a.lookup->revision == b.lookup->revision && a.lookup->absence == b.lookup->absence &&
           (left == nullptr) == (right == nullptr) && (!left || *left == *right);
}

QVariant AclTableModel::displayValue(const Row &row, int column) const
{
    switch (column) {
    case Owner:
        return row.owner;
    case Name:
        return row.person && !row.person->name.isEmpty() ? row.person->name : tr("unknown");
    case Role:
        if (!row.person)
            return tr("unknown");
        return row.person->role.isEmpty() ? tr("none") : row.person->role;
    case Patterns:
        return patternsText(row);
    case Revision: {
        const std::optional<qint64> revision = revisionOf(row.lookup);
        return revision ? QVariant(QString::number(*revision)) : QVariant(QString());
    }
    case UpdatedAt: {
        const std::optional<double> at = updatedAtOf(row.lookup);
        return at ? QDateTime::fromMSecsSinceEpoch(qint64(*at))
                        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QString();
    }
    default:
        return {};
    }
}

QVariant AclTableModel::rawValue(const Row &row, int column) const
{
    switch (column) {
    case Revision:
        return QVariant::fromValue(revisionOf(row.lookup).value_or(-1));
    case UpdatedAt:
        return updatedAtOf(row.lookup).value_or(-1.0);
    case Patterns: {
        const wire::AclRecord *record = row.lookup ? row.lookup->acl.record() : nullptr;
        return record ? QVariant(record->allowSubscribe) : QVariant();
    }
    default:
        return displayValue(row, column);
    }
}

} // namespace cotal::ui
