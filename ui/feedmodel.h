#pragma once

#include "core/endpoint/receivedmessage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimer>
#include <deque>
#include <vector>

namespace cotal::ui {

// The live feed: a bounded ring buffer of received messages (default 50 000). Batches from
// Endpoint::messagesReceived are inserted whole — one beginInsertRows per batch, the oldest rows
// evicted as one block before it — so a burst is a handful of model signals, not thousands.
// Paused, the model keeps receiving into a bounded pending queue while its rows stay frozen;
// resuming inserts the queue as one batch.
class FeedModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedModel)

public:
    enum Column
    {
        Mode,
        Sender,
        Target,
        Time,
        Text,
        Historical,
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole
    {
        RawRole = Qt::UserRole,
        KindRole,     // int(wire::DeliveryKind)
        SenderIdRole, // from.id
        ChannelRole,  // the channel (empty for DMs and anycast)
        TargetRole,   // channel, target id or role
        HistoricalRole,
        SearchTextRole, // sender, target and text in one string for the free-text filter
    };

    static constexpr int DefaultCapacity = 50000;

    explicit FeedModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int capacity() const { return m_capacity; }
    // Shrinking evicts the oldest rows as one block.
    void setCapacity(int capacity);
    // 0 inserts each batch at once; otherwise batches arriving within the interval are
    // coalesced into one insert (Wireshark's flushVisibleRows).
    void setFlushInterval(int ms);

    // Agent id → display name (the roster's), so a DM's target reads as a name; the id stays in
    // the tooltip and the raw data.
    void setPeerNames(const QHash<QString, QString> &names);

    void append(const QList<endpoint::ReceivedMessage> &batch);
    // Inserts whatever is queued for the next flush now.
    void flush();
    void clear();

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    // Messages that arrived while paused (also those the bounded pending queue dropped).
    qint64 pendingCount() const { return m_pendingCount; }
    // Every message ever appended, for the messages/s meter.
    quint64 totalReceived() const { return m_totalReceived; }

    const endpoint::ReceivedMessage &message(int row) const;
    // The plain text of a message's text parts (non-text parts as [kind]).
    static QString plainText(const wire::CotalMessage &message);
    static QString modeLabel(wire::DeliveryKind kind);
    static QString targetOf(const endpoint::ReceivedMessage &message);

signals:
    void pausedChanged(bool paused);
    void pendingCountChanged(qint64 count);
    // After rows were inserted: the new messages, for listeners that roll them up.
    void batchInserted(int first, int last);

private:
    struct Entry
    {
        endpoint::ReceivedMessage message;
        QString text;   // plainText, computed once
        QString line;   // one-line display form of text
        QString target; // targetOf
    };

    const Entry &entry(int row) const;
    void insertBatch(std::vector<Entry> &&entries);
    Entry makeEntry(const endpoint::ReceivedMessage &message);
    void share(QString &text);

    int m_capacity = DefaultCapacity;
    // m_ring grows by push_back until it first needs to wrap; from then on its size is
    // m_capacity and rows live at (m_head + row) % m_capacity.
    std::vector<Entry> m_ring;
    size_t m_head = 0;
    int m_count = 0;

    QHash<QString, QString> m_peerNames;
    // Senders, spaces, targets and subjects repeat from row to row: rows share one copy of each
    // instead of holding an allocation apiece, made on the thread that decoded the message.
    QSet<QString> m_sharedStrings;
    std::vector<Entry> m_queued; // waiting for the flush timer
    QTimer m_flushTimer;

    bool m_paused = false;
    std::deque<Entry> m_pending; // bounded by m_capacity while paused
    qint64 m_pendingCount = 0;
    quint64 m_totalReceived = 0;
};

} // namespace cotal::ui
