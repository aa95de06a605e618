#pragma once

#include "core/endpoint/endpoint.h"
#include "core/nats/natsconnection.h"

#include <QFuture>
#include <QObject>
#include <QSet>
#include <QtTest>
#include <memory>

namespace cotal::testing {

inline constexpr int kEndpointWaitMs = 30000;

// Spins the event loop until the future finished; a hang or cancellation yields `fallback`.
template<typename T> T awaitFuture(const QFuture<T> &future, T fallback = T{})
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, kEndpointWaitMs))
        return fallback;
    if (future.isCanceled() || future.resultCount() == 0)
        return fallback;
    return future.result();
}

inline bool awaitVoid(const QFuture<void> &future)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, kEndpointWaitMs);
}

// Everything one endpoint surfaced, in arrival order.
class Collector final : public QObject
{
public:
    explicit Collector(endpoint::Endpoint *endpoint)
    {
        connect(endpoint, &endpoint::Endpoint::messagesReceived, this,
                [this](const QList<endpoint::ReceivedMessage> &batch) {
                    ++batches;
                    messages.append(batch);
                });
        connect(endpoint, &endpoint::Endpoint::anomaly, this,
                [this](const endpoint::Anomaly &anomaly) { anomalies.append(anomaly); });
    }

    QList<endpoint::ReceivedMessage> withId(const QString &id) const
    {
        QList<endpoint::ReceivedMessage> found;
        for (const endpoint::ReceivedMessage &message : messages) {
            if (message.message.id == id)
                found.append(message);
        }
        return found;
    }
    int countKind(wire::DeliveryKind kind) const
    {
        int count = 0;
        for (const endpoint::ReceivedMessage &message : messages)
            count += message.kind == kind ? 1 : 0;
        return count;
    }
    bool idsUnique() const
    {
        QSet<QString> seen;
        for (const endpoint::ReceivedMessage &message : messages) {
            if (seen.contains(message.message.id))
                return false;
            seen.insert(message.message.id);
        }
        return true;
    }

    QList<endpoint::ReceivedMessage> messages;
    QList<endpoint::Anomaly> anomalies;
    int batches = 0;
};

inline QList<wire::Part> textParts(const QString &text)
{
    return {wire::Part::makeText(text)};
}

inline nats::NatsError hangError()
{
    nats::NatsError error;
    error.kind = nats::NatsErrorKind::Timeout;
    error.message = QStringLiteral("future did not finish");
    return error;
}

// A raw connection for injecting traffic and provisioning.
inline std::unique_ptr<nats::NatsConnection> openRaw(const QString &url, const QString &inboxId,
                                                     const QString &credsFile = {})
{
    auto connection = std::make_unique<nats::NatsConnection>();
    nats::ConnectionOptions options;
    options.servers = {url};
    options.name = QStringLiteral("tst-raw");
    options.inboxId = inboxId;
    options.credsFile = credsFile;
    options.reconnectWaitMs = 200;
    options.maxReconnectWaitMs = 1000;
    const nats::NatsError error = awaitFuture(connection->open(options), hangError());
    if (error.isError()) {
        qWarning() << "raw connection failed:" << error.describe();
        return nullptr;
    }
    return connection;
}

} // namespace cotal::testing
