#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <deque>
#include <functional>

namespace cotal::delivery {

struct DaemonContext;

// Keeps the trusted reader from overrunning a member who is reading: DLV keeps an owner's
// newest 1000 copies (storage.md §2), so a copy stored while 1000 of the owner's are unread
// evicts one the agent never saw. The reader transfers to an owner only while the owner has
// room, judged by the copies this daemon stored above what the owner's `dlv_<id>` has handed
// out (delivered.stream_seq, the position the eviction count also reads).
//
// A member who does not read (no progress for a few seconds, or no consumer) is not waited for:
// one absent agent must not stall the space. Its copies beyond the cap are evicted and counted
// by the reader, as before. Without a grant to read `dlv_<id>` nothing is paced.
class DlvPacer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DlvPacer)

public:
    explicit DlvPacer(DaemonContext *context, QObject *parent = nullptr);

    // Whether one more transfer to `owner` may go now; when not, the owner's progress is polled
    // and onRoom(owner) follows once it has room or is found not to read.
    bool claim(const QString &owner);
    // The claimed transfer was stored at `sequence` on DLV (or not stored at all).
    void stored(const QString &owner, quint64 sequence, bool duplicate);
    void unclaim(const QString &owner);
    // Forget pending polls (the reader was stopped).
    void reset();

    std::function<void(const QString &owner)> onRoom;

private:
    struct Member
    {
        std::deque<quint64> stored; // this daemon's copies, newest last, at most the cap
        quint64 position = 0;       // delivered.stream_seq of dlv_<id>
        int claimed = 0;
        qint64 progressAt = 0;
        qint64 polledAt = 0;
        bool polling = false;
        bool waiting = false; // a claim was refused
        bool absent = false;  // not reading: not waited for
    };

    qsizetype unread(const Member &member) const;
    bool full(const Member &member) const;
    void poll(const QString &owner);
    void polled(const QString &owner, quint64 generation, bool readable, quint64 position,
                bool noConsumer);

    DaemonContext *m_context;
    QHash<QString, Member> m_members;
    QElapsedTimer m_clock;
    quint64 m_generation = 0;
};

} // namespace cotal::delivery
