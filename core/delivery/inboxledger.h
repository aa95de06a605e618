#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

namespace cotal::delivery {

// The mixed-inbox entries of each owner that the trusted reader has not finished with (acked
// or terminated). INBOX keeps only an owner's newest 1000 entries (storage.md §2), so a copy
// written while 1000 of the owner's entries are unfinished evicts one the reader never read.
// The fan-out writer therefore writes a copy only while the owner has room, and holds the rest
// until the reader catches up.
//
// Entries written before the reader was bound are not known one by one: their number is charged
// to every owner until the reader has finished that many of them, and nothing is written before
// that number is known. The reader may finish an entry before the writer has its PubAck; such an
// early finish is remembered so the late PubAck does not count the entry again.
class InboxLedger final
{
public:
    // `limit` unfinished entries per owner at most; room is announced again once an owner that
    // was full is down to `resumeAt`, so held copies leave in runs rather than one by one.
    InboxLedger(qsizetype limit, qsizetype resumeAt);

    // Whether one more copy for `owner` fits; a refused owner is announced once it has room.
    bool claim(const QString &owner);
    // The claimed copy is stored at `sequence` (a duplicate's sequence names an entry already
    // counted or finished, so it only gives the claim back).
    void stored(const QString &owner, quint64 sequence, bool duplicate);
    // The claimed copy was not stored.
    void unclaim(const QString &owner);
    // The reader is done with the entry at `sequence`: it was acked or terminated.
    void finished(const QString &owner, quint64 sequence);
    // When the reader is bound: `count` entries were unfinished, none above `lastSequence`.
    // Until then every claim is refused.
    void open(quint64 count, quint64 lastSequence);

    bool isOpen() const { return m_open; }
    qsizetype unfinished(const QString &owner) const;

    // Called with an owner that was refused and has room again.
    std::function<void(const QString &owner)> onRoom;

private:
    struct Owner
    {
        QSet<quint64> stored;
        QSet<quint64> finishedEarly;
        qsizetype claimed = 0;
        bool refused = false;
    };

    bool hasRoomAgain(const QString &owner, Owner &entry) const;
    void announceRoom(const QString &owner, Owner &entry);
    void announceRoomToAll();

    qsizetype m_limit;
    qsizetype m_resumeAt;
    bool m_open = false;
    quint64 m_unknown = 0;
    quint64 m_lastUnknown = 0;
    QHash<QString, Owner> m_owners;
};

} // namespace cotal::delivery
