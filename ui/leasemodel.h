#pragma once

#include "core/space/deliverylease.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace cotal::ui {

// Whether anything serves `ctl.delivery`, from a listMemberships probe (delivery.md §6.4).
enum class ResponderStatus
{
    Unknown,      // not probed yet
    Answering,    // a responder replied (even a refusal proves one is bound)
    NoResponders, // the broker knows no subscriber
    Silent,       // the request timed out or failed
};

// The lease inspector's rows: one per `lease.<shard>` the watch has seen (storage.md §5.5).
// Fed by a DeliveryLease's watch cache; a timer re-reads it so the countdown runs and a lease
// the bucket's TTL removed (which sends no watch event) turns Expired.
class LeaseModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseModel)

public:
    enum Column
    {
        Shard,
        Holder,
        State,
        Ready,
        Since,
        Revision,
        TimeLeft,
        HoldersSeen,
        ColumnCount
    };
    Q_ENUM(Column)

    enum class LeaseStatus
    {
        Absent,          // never acquired, or released (a delete marker)
        ClaimedNotReady, // acquired; loops and responder not bound yet
        Ready,           // `ready: true`
        Expired,         // was held, then the bucket's TTL removed it: the holder stopped renewing
        Unreadable,      // a value that is not a lease, or the read failed
    };
    Q_ENUM(LeaseStatus)

    enum DataRole
    {
        StatusRole = Qt::UserRole, // int(LeaseStatus)
        HolderIdRole,
        RevisionRole,     // quint64 of the value shown (kept for an expired lease)
        TimeLeftMsRole,   // qint64
        WarningRole,      // a sentence when the row needs an admin's attention, else empty
        ForceReleaseRole, // bool: the row is expired or wedged, so a forced release is offered
        ShardRole,        // int
    };

    explicit LeaseModel(QObject *parent = nullptr);
    ~LeaseModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Null detaches. Rows of the previous source are dropped.
    void setSource(space::DeliveryLease *source);
    // Display names for holder ids (the roster, this console's own daemon).
    void setNames(const QHash<QString, QString> &names);
    void setResponderStatus(ResponderStatus status);
    // No source, because the credential may not read the lease: lease.0 says why.
    void setUnreadable(const QString &reason);
    // A read of a lease nobody watches (polled): a value gone since the last one expired.
    void applyPolled(const space::LeaseState &state);
    ResponderStatus responderStatus() const { return m_responder; }
    void setRefreshInterval(int ms);

    int rowOfShard(int shard) const;
    LeaseStatus status(int row) const;
    QStringList holdersSeen(int row) const;
    // Re-reads the source cache: countdowns, expiry.
    void refresh();
    // A fresh read of one shard (after a refused forced release): it replaces an Expired row
    // the bucket has in fact already removed.
    void applyRead(const space::LeaseState &state);

    static QString statusText(LeaseStatus status);

private:
    struct Row
    {
        int shard = 0;
        LeaseStatus status = LeaseStatus::Absent;
        QString holder;
        bool ready = false;
        double since = 0;
        quint64 revision = 0;
        qint64 timeLeftMs = 0;
        QString error;
        QStringList holdersSeen;
    };

    void apply(const QList<space::LeaseState> &states, bool fromWatch);
    QString nameOf(const QString &id) const;
    QString warning(const Row &row) const;
    bool offersForceRelease(const Row &row) const;

    QPointer<space::DeliveryLease> m_source;
    QList<QMetaObject::Connection> m_connections;
    std::vector<Row> m_rows;
    QHash<QString, QString> m_names;
    ResponderStatus m_responder = ResponderStatus::Unknown;
    QTimer m_timer;
};

} // namespace cotal::ui
