#pragma once

#include "core/space/aclregistry.h"
#include "core/wire/presence.h"

#include <QAbstractTableModel>
#include <QHash>
#include <optional>
#include <vector>

namespace cotal::ui {

// The read ACLs of a space: one row per owner that has a key in `cotal_acl_<S>` or is seen in
// presence. Name and role come from presence; a present owner without a record is listed as such,
// because the delivery daemon defers (never drops) that owner's copies. Rows stay sorted by owner
// id and are diffed in place, so a selection survives watch updates.
class AclTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclTableModel)

public:
    enum Column
    {
        Owner,
        Name,
        Role,
        Patterns,
        Revision,
        UpdatedAt,
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole
    {
        RawRole = Qt::UserRole, // typed cell value for sorting
        OwnerRole,              // the owner id of the row
        HasRecordRole,          // bool: the key holds a value
    };

    explicit AclTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // An owner's record as now stored; no value when the key is gone.
    void setRecord(const QString &owner, const std::optional<space::AclLookup> &lookup);
    void setRecords(const QList<QPair<QString, space::AclLookup>> &records);
    void setRoster(const QList<wire::Presence> &roster);
    void clear();
    // Why the records cannot be read (the watch was denied); empty once they can. Rows without
    // a record then say so instead of "no record".
    void setUnreadable(const QString &reason);

    int rowOf(const QString &owner) const;
    QString ownerAt(int row) const;
    std::optional<space::AclLookup> record(const QString &owner) const;
    QStringList owners() const;

    static QString standingText(const std::optional<space::AclLookup> &lookup);

private:
    struct Person
    {
        QString name;
        QString role;
        bool operator==(const Person &) const = default;
    };

    struct Row
    {
        QString owner;
        std::optional<space::AclLookup> lookup;
        std::optional<Person> person;
    };

    void sync();
    Row rowFor(const QString &owner) const;
    static bool sameRow(const Row &a, const Row &b);
    QVariant displayValue(const Row &row, int column) const;
    QVariant rawValue(const Row &row, int column) const;

    QHash<QString, space::AclLookup> m_records;
    QHash<QString, Person> m_people;
    std::vector<Row> m_rows;
    QString m_unreadable;

    QString patternsText(const Row &row) const;
};

} // namespace cotal::ui
