#include "ui/messagepacer.h"

#include <algorithm>

namespace cotal::ui {

MessagePacer::MessagePacer(QObject *parent)
    : QObject(parent)
{
    // A zero timer fires once the loop has handled what else was pending: one batch a turn.
    m_turn.setInterval(0);
    connect(&m_turn, &QTimer::timeout, this, &MessagePacer::releaseOne);
}

void MessagePacer::push(const QList<endpoint::ReceivedMessage> &batch)
{
    if (batch.isEmpty())
        return;
    m_batches.push_back(batch);
    m_backlog += batch.size();
    quint64 dropped = 0;
    while (m_backlog > m_limit && m_batches.size() > 1) {
        dropped += static_cast<quint64>(m_batches.front().size());
        m_backlog -= m_batches.front().size();
        m_batches.pop_front();
    }
    if (dropped > 0) {
        m_dropped += dropped;
        emit droppedChanged(m_dropped);
    }
    if (!m_turn.isActive())
        m_turn.start();
}

void MessagePacer::clear()
{
    m_batches.clear();
    m_backlog = 0;
    m_turn.stop();
    if (m_dropped != 0) {
        m_dropped = 0;
        emit droppedChanged(0);
    }
}

void MessagePacer::setBacklogLimit(qsizetype messages)
{
    m_limit = std::max<qsizetype>(1, messages);
}

void MessagePacer::releaseOne()
{
    if (m_batches.empty()) {
        m_turn.stop();
        return;
    }
    const QList<endpoint::ReceivedMessage> batch = std::move(m_batches.front());
    m_batches.pop_front();
    m_backlog -= batch.size();
    if (m_batches.empty())
        m_turn.stop();
    emit released(batch);
}

} // namespace cotal::ui
