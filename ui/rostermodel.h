#pragma once

#include "core/wire/presence.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <functional>
#include <vector>

namespace cotal::ui {

// The roster: one row per peer the presence watch has seen (offline peers stay, as the endpoint
// keeps them). Fed whole rosters by Endpoint::rosterChanged and diffs them into one insert block
// plus ranged dataChanged. One timer refreshes the heartbeat-age column only.
class RosterModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterModel)

public:
    enum Column
    {
        Name,
        Status,
        Role,
        Activity,
        Harness,
        Model,
        HeartbeatAge,
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole
    {
        RawRole = Qt::UserRole, // the typed value of a cell, for sorting and delegates
        IdRole,                 // card.id
        StatusRole,             // int(PresenceStatus)
        StatusSinceRole,        // epoch ms when this status was first seen
    };

    struct Counts
    {
        int working = 0;
        int waiting = 0;
        int idle = 0;
        int offline = 0;
        // The waiting agent that has waited longest (empty id when nobody waits).
        QString oldestWaitingId;
        qint64 oldestWaitingSinceMs = 0;
        bool operator==(const Counts &) const = default;
    };

    explicit RosterModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRoster(const QList<wire::Presence> &roster);
    void clear();

    int rowOf(const QString &id) const;
    const wire::Presence *presence(int row) const;
    const wire::Presence *presenceById(const QString &id) const;
    qint64 statusSince(int row) const;
    Counts counts() const;

    // Tests pin the clock; the default is the wall clock.
    void setClock(std::function<qint64()> clock);
    void setAgeRefreshInterval(int ms);
    // Re-evaluates the heartbeat-age column: one dataChanged over that column.
    void refreshAges();

signals:
    void countsChanged();

private:
    struct Row
    {
        wire::Presence presence;
        qint64 statusSinceMs = 0;
    };

    QVariant displayValue(const Row &row, int column) const;
    QVariant rawValue(const Row &row, int column) const;
    qint64 now() const;
    void emitChangedRows(const std::vector<int> &rows);

    std::vector<Row> m_rows;
    QHash<QString, int> m_rowById;
    QTimer m_ageTimer;
    std::function<qint64()> m_clock;
};

} // namespace cotal::ui
