#pragma once

#include "core/space/memberregistry.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <vector>

namespace cotal::ui {

// Durable membership history for the timelines: one row per (channel, owner, generation) the
// member watch has shown since the console connected (storage.md §5.3). The bucket keeps only
// the current record per key, so an older generation is known only if it was seen before the
// rejoin replaced it. Rows are never dropped while the source is attached.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column
    {
        Channel,
        Owner,
        Generation,
        JoinCursor,
        LeaveCursor,
        State,
        JoinedAt,
        LeftAt,
        ColumnCount
    };
    Q_ENUM(Column)

    enum class Phase
    {
        Pending,    // committed, activation catch-up not finished (`activated: false`)
        Activated,  // open and activated
        Tombstoned, // closed at its leaveCursor
    };
    Q_ENUM(Phase)

    enum DataRole
    {
        ChannelRole = Qt::UserRole,
        OwnerRole,
        GenerationRole,  // qint64
        JoinCursorRole,  // qint64, exclusive lower bound on the CHAT sequence axis
        LeaveCursorRole, // qint64, inclusive upper bound; invalid while open
        PhaseRole,       // int(Phase)
        CurrentRole,     // bool: the generation the bucket holds now
        JoinedAtRole,    // epoch ms of the earliest record seen for the generation, or invalid
        LeftAtRole,      // epoch ms of the tombstone write, or invalid
        RecordRole,      // the latest record of the generation, as stored (JSON text)
    };

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Null detaches and clears.
    void setSource(space::MemberRegistry *source);
    // One record as the watch delivered it (what setSource feeds from the registry's cache).
    void applyRecord(const wire::MembershipRecord &record);
    // The key's record is gone (purged): no generation of it is current any more.
    void markRemoved(const QString &channel, const QString &owner);

    int rowOf(const QString &channel, const QString &owner, qint64 generation) const;
    QStringList channels() const;
    QStringList owners() const;

    static QString phaseText(Phase phase);

private:
    struct Row
    {
        wire::MembershipRecord record; // latest seen for this generation
        bool current = false;
        double joinedAt = 0; // updatedAt of the first record seen for the generation
        double leftAt = 0;
    };

    static Phase phaseOf(const wire::MembershipRecord &record);
    void sync(const QStringList &keys);

    QPointer<space::MemberRegistry> m_source;
    QList<QMetaObject::Connection> m_connections;
    std::vector<Row> m_rows; // sorted by channel, owner, generation
};

} // namespace cotal::ui
