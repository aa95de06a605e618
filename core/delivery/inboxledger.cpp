#include "core/delivery/inboxledger.h"

namespace cotal::delivery {

InboxLedger::InboxLedger(qsizetype limit, qsizetype resumeAt)
    : m_limit(limit)
    , m_resumeAt(std::min(resumeAt, limit - 1))
{}

qsizetype InboxLedger::unfinished(const QString &owner) const
{
    const auto it = m_owners.constFind(owner);
    const qsizetype known = it == m_owners.cend() ? 0 : it->stored.size() + it->claimed;
    return known + qsizetype(m_unknown);
}

bool InboxLedger::claim(const QString &owner)
{
    Owner &entry = m_owners[owner];
    if (!m_open || unfinished(owner) >= m_limit) {
        entry.refused = true;
        return false;
    }
    ++entry.claimed;
    return true;
}

void InboxLedger::stored(const QString &owner, quint64 sequence, bool duplicate)
{
    Owner &entry = m_owners[owner];
    entry.claimed = std::max<qsizetype>(entry.claimed - 1, 0);
    // A duplicate names an entry that is counted already, or finished.
    if (duplicate || entry.finishedEarly.remove(sequence))
        announceRoom(owner, entry);
    else
        entry.stored.insert(sequence);
}

void InboxLedger::unclaim(const QString &owner)
{
    Owner &entry = m_owners[owner];
    entry.claimed = std::max<qsizetype>(entry.claimed - 1, 0);
    announceRoom(owner, entry);
}

void InboxLedger::finished(const QString &owner, quint64 sequence)
{
    if (sequence > m_lastUnknown) {
        Owner &entry = m_owners[owner];
        if (!entry.stored.remove(sequence))
            entry.finishedEarly.insert(sequence); // its PubAck is still on the way
        announceRoom(owner, entry);
        return;
    }
    if (m_unknown == 0)
        return;
    --m_unknown;
    announceRoomToAll();
}

void InboxLedger::open(quint64 count, quint64 lastSequence)
{
    m_open = true;
    m_unknown = count;
    m_lastUnknown = lastSequence;
    announceRoomToAll();
}

void InboxLedger::announceRoomToAll()
{
    // Collected first: a listener claims, which may add owners to the table.
    QStringList ready;
    for (auto it = m_owners.begin(); it != m_owners.end(); ++it) {
        if (hasRoomAgain(it.key(), *it))
            ready.append(it.key());
    }
    for (const QString &owner : std::as_const(ready)) {
        if (onRoom)
            onRoom(owner);
    }
}

bool InboxLedger::hasRoomAgain(const QString &owner, Owner &entry) const
{
    if (!entry.refused || !m_open || unfinished(owner) > m_resumeAt)
        return false;
    entry.refused = false;
    return true;
}

void InboxLedger::announceRoom(const QString &owner, Owner &entry)
{
    if (hasRoomAgain(owner, entry) && onRoom)
        onRoom(owner);
}

} // namespace cotal::delivery
