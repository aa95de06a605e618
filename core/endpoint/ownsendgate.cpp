#include "core/endpoint/ownsendgate.h"

namespace cotal::endpoint {

void OwnSendGate::hold(const QString &id)
{
    m_held.insert(id, {});
}

QList<ReceivedMessage> OwnSendGate::pass(QList<ReceivedMessage> batch)
{
    if (m_held.isEmpty() && m_failed.isEmpty())
        return batch;
    QList<ReceivedMessage> passed;
    passed.reserve(batch.size());
    for (ReceivedMessage &message : batch) {
        const QString &id = message.message.id;
        if (const auto held = m_held.find(id); held != m_held.end())
            held->append(std::move(message));
        else if (!m_failed.contains(id))
            passed.append(std::move(message));
    }
    return passed;
}

QList<ReceivedMessage> OwnSendGate::settle(const QString &id, bool sent)
{
    QList<ReceivedMessage> kept = m_held.take(id);
    if (sent)
        return kept;
    m_failed.insert(id);
    m_failedOrder.push_back(id);
    if (static_cast<qsizetype>(m_failedOrder.size()) > kRememberedFailures) {
        m_failed.remove(m_failedOrder.front());
        m_failedOrder.pop_front();
    }
    return {};
}

} // namespace cotal::endpoint
