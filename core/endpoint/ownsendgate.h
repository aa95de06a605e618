#pragma once

#include "core/endpoint/receivedmessage.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <deque>

namespace cotal::endpoint {

// Keeps this endpoint's own messages out of what it surfaces until their send is settled: the
// tap sees a core publish before the stream acknowledges it, and a send that then fails must
// never look sent. Settled sent: the kept copies surface; settled failed: they are dropped, and
// so is a copy that arrives later.
class OwnSendGate final
{
public:
    static constexpr qsizetype kRememberedFailures = 256;

    void hold(const QString &id);
    // The messages of `batch` that may surface now.
    QList<ReceivedMessage> pass(QList<ReceivedMessage> batch);
    // The copies kept back for `id` when it was sent; nothing when it failed.
    QList<ReceivedMessage> settle(const QString &id, bool sent);

private:
    QHash<QString, QList<ReceivedMessage>> m_held;
    QSet<QString> m_failed;
    std::deque<QString> m_failedOrder; // oldest first, to forget beyond the bound
};

} // namespace cotal::endpoint
