#pragma once

// The parties of a delivery test besides the kit: the daemon in this process, agents reading
// their DLV backstop, a publisher that keeps posting through a fault, and members' DLV readers.

#include "core/delivery/deliveryhost.h"
#include "core/endpoint/endpointhost.h"
#include "tests/integration/deliverytestkit.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace cotal::testing {

// Reconnects fast, so a fault test measures the fault and not the back-off.
inline nats::ConnectionOptions quickReconnect(const QStringList &servers)
{
    nats::ConnectionOptions connection;
    connection.servers = servers;
    connection.reconnectWaitMs = 200;
    connection.maxReconnectWaitMs = 1000;
    return connection;
}

// A daemon on its own thread, with the metrics it last reported kept on the test thread.
class Daemon final
{
public:
    Daemon(const QStringList &servers, const QString &space)
    {
        delivery::DeliveryOptions options;
        options.connection = quickReconnect(servers);
        options.space = space;
        options.metricsIntervalMs = 200;
        host = std::make_unique<delivery::DeliveryHost>(options);
        QObject::connect(host->daemon(), &delivery::DeliveryDaemon::metricsChanged, &receiver,
                         [this](const delivery::DeliveryMetrics &m) { metrics = m; });
    }

    delivery::DeliveryError start()
    {
        const auto started = awaitResult(host->start());
        return started.value_or(delivery::DeliveryError{
            delivery::DeliveryErrorKind::Connect, QStringLiteral("start did not finish"), {}});
    }

    void stop() { awaitDone(host->stop()); }

    std::unique_ptr<delivery::DeliveryHost> host;
    QObject receiver;
    delivery::DeliveryMetrics metrics;
};

// An agent endpoint that reads only its DLV backstop (no live channels), counting what it saw
// and when.
class Agent final
{
public:
    Agent(const QStringList &servers, const QString &space, const QString &id, const QString &name)
    {
        wire::AgentCard card;
        card.id = id;
        card.name = name;
        host = std::make_unique<endpoint::EndpointHost>(
            endpoint::EndpointOptions::agent(quickReconnect(servers), space, card, {}));
        QObject::connect(host->endpoint(), &endpoint::Endpoint::messagesReceived, &receiver,
                         [this](const QList<endpoint::ReceivedMessage> &batch) {
                             const qint64 now = QDateTime::currentMSecsSinceEpoch();
                             for (const endpoint::ReceivedMessage &message : batch) {
                                 ++surfaced[message.message.id];
                                 if (message.path == endpoint::ReceivedMessage::Path::Dlv) {
                                     dlvIds.insert(message.message.id);
                                     arrivalsMs.append(now);
                                 }
                             }
                         });
    }

    bool start()
    {
        const auto started = awaitResult(host->start());
        return started && !started->isError();
    }

    int duplicates() const
    {
        int count = 0;
        for (const int seen : surfaced)
            count += seen > 1 ? 1 : 0;
        return count;
    }

    std::unique_ptr<endpoint::EndpointHost> host;
    QObject receiver;
    QHash<QString, int> surfaced;
    QSet<QString> dlvIds;
    QList<qint64> arrivalsMs;
};

// The longest wait between two consecutive times (ms), 0 for fewer than two.
inline qint64 longestGapMs(QList<qint64> times)
{
    std::sort(times.begin(), times.end());
    qint64 gap = 0;
    for (qsizetype i = 1; i < times.size(); ++i)
        gap = std::max(gap, times.at(i) - times.at(i - 1));
    return gap;
}

// Posts one chat message every `intervalMs` until stopped, each with its own Nats-Msg-Id, and
// re-sends a message whose PubAck did not come (broker down, frozen, leader lost) with the same
// id until one does: `published` holds the ids JetStream confirmed, each once.
class SteadyPublisher final
{
public:
    SteadyPublisher(DeliveryKit &kit, QString sender, QString channel, int intervalMs)
        : m_kit(kit)
        , m_sender(std::move(sender))
        , m_channel(std::move(channel))
    {
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }

    void start() { m_timer.start(); }
    // Stops making new messages; unconfirmed ones are still re-sent until confirmed.
    void stopPosting() { m_posting = false; }
    bool settled() const { return !m_posting && m_unconfirmed.isEmpty(); }

    QSet<QString> published;
    QList<qint64> confirmedAtMs; // when each PubAck came
    int attempts = 0;

private:
    struct Pending
    {
        QByteArray payload;
        bool inFlight = false;
    };

    void tick()
    {
        if (m_posting) {
            const QString id = randomId();
            m_order.append(id);
            m_unconfirmed.insert(
                id, {DeliveryKit::chatPayload(m_kit.space(), id, m_sender, m_channel, id), false});
        }
        const QString subject = *wire::chatSubject(m_kit.space(), m_sender, m_channel);
        for (const QString &id : std::as_const(m_order)) {
            const auto pending = m_unconfirmed.find(id);
            if (pending == m_unconfirmed.end() || pending->inFlight)
                continue;
            pending->inFlight = true;
            ++attempts;
            m_kit.jetStream()
                .publish(subject, pending->payload,
                         {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}})
                .then(&m_timer, [this, id](const nats::PubAck &ack) {
                    const auto it = m_unconfirmed.find(id);
                    if (it == m_unconfirmed.end())
                        return;
                    if (!ack.ok()) {
                        it->inFlight = false;
                        return;
                    }
                    m_unconfirmed.erase(it);
                    m_order.removeOne(id);
                    published.insert(id);
                    confirmedAtMs.append(QDateTime::currentMSecsSinceEpoch());
                });
        }
    }

    DeliveryKit &m_kit;
    QString m_sender;
    QString m_channel;
    QTimer m_timer;
    bool m_posting = true;
    QStringList m_order;
    QHash<QString, Pending> m_unconfirmed;
};

// A member's dlv_<id> read by a pull consumer: the distinct ids, the copies, and when the
// broker stored each copy.
class DlvReader final
{
public:
    DlvReader(DeliveryKit &kit, const QString &member)
    {
        m_consumer = std::make_unique<nats::PullConsumer>(
            kit.jetStream(), wire::dlvStreamName(kit.space()), wire::dlvConsumerName(member),
            [this](const QList<nats::JsMessage> &batch) {
                for (const nats::JsMessage &message : batch) {
                    ids.insert(QJsonDocument::fromJson(message.message().data)
                                   .object()
                                   .value(QLatin1String("id"))
                                   .toString());
                    ++copies;
                    storedAtMs.append(message.metadata().timestampNs / 1000000);
                    message.ack();
                }
                m_consumer->resume();
            },
            1000, 1000);
        m_consumer->start();
    }

    QSet<QString> ids;
    int copies = 0;
    QList<qint64> storedAtMs;

private:
    std::unique_ptr<nats::PullConsumer> m_consumer;
};

} // namespace cotal::testing
