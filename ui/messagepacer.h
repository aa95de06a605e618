#pragma once

#include "core/endpoint/receivedmessage.h"

#include <QObject>
#include <QTimer>
#include <deque>

namespace cotal::ui {

// Hands received batches to the GUI one per event-loop turn. Qt delivers every queued batch in
// one go, so a burst of them would hold the loop (timers, paint, input) for as long as all of
// them take; paced, each turn does one batch's work. What waits is bounded: beyond the backlog
// limit the oldest batches are dropped and counted, never queued without end.
class MessagePacer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessagePacer)

public:
    // As many messages as one subscription's own bounded queue holds.
    static constexpr qsizetype DefaultBacklogLimit = 65536;

    explicit MessagePacer(QObject *parent = nullptr);

    void push(const QList<endpoint::ReceivedMessage> &batch);
    // Forgets what waits and the dropped count (a closed session).
    void clear();

    void setBacklogLimit(qsizetype messages);
    qsizetype backlog() const { return m_backlog; }
    quint64 dropped() const { return m_dropped; }

signals:
    void released(const QList<cotal::endpoint::ReceivedMessage> &batch);
    void droppedChanged(quint64 dropped);

private:
    void releaseOne();

    std::deque<QList<endpoint::ReceivedMessage>> m_batches;
    qsizetype m_backlog = 0; // messages in m_batches
    qsizetype m_limit = DefaultBacklogLimit;
    quint64 m_dropped = 0;
    QTimer m_turn;
};

} // namespace cotal::ui
