#include "core/delivery/durableloop_p.h"
#include "core/delivery/loopconsumer_p.h"

#include <algorithm>

namespace cotal::delivery {

QFuture<ConsumerPosition> openDurable(DaemonContext *context, QObject *owner, const QString &stream,
                                      const QString &name, const QString &filter,
                                      const QByteArray &config, bool withBacklog)
{
    const nats::JetStream js = context->jetStream;
    // The stream's last sequence is read before the consumer's counts: every message the
    // counts include is at or below it.
    auto lastSequence = std::make_shared<quint64>(0);
    return js.createConsumer(stream, name, filter, config)
        .then(owner,
              [context, js, stream, name, withBacklog](const nats::ApiResult &created) {
                  if (!created.ok() && created.error.kind != nats::NatsErrorKind::AlreadyExists)
                      context->log(
                          LogLevel::Warning,
                          QStringLiteral("creating %1: %2").arg(name, created.error.describe()));
                  if (!withBacklog)
                      return QtFuture::makeReadyFuture(nats::ApiResult{});
                  return js.streamInfo(stream);
              })
        .unwrap()
        .then(owner,
              [js, stream, name, lastSequence](const nats::ApiResult &streamInfo) {
                  if (!streamInfo.ok())
                      return QtFuture::makeReadyFuture(streamInfo);
                  *lastSequence = quint64(streamInfo.body.value(QLatin1String("state"))
                                              .toObject()
                                              .value(QLatin1String("last_seq"))
                                              .toInteger());
                  return js.consumerInfo(stream, name);
              })
        .unwrap()
        .then(owner, [stream, name, lastSequence](const nats::ApiResult &info) {
            ConsumerPosition position;
            if (!info.ok()) {
                position.error = info.error;
                position.error.message = QStringLiteral("cannot bind %1 on %2: %3")
                                             .arg(name, stream, info.error.message);
                return position;
            }
            const auto count = [&info](QLatin1String key) {
                return quint64(info.body.value(key).toInteger());
            };
            position.delivered = quint64(info.body.value(QLatin1String("delivered"))
                                             .toObject()
                                             .value(QLatin1String("stream_seq"))
                                             .toInteger());
            position.unfinished =
                count(QLatin1String("num_pending")) + count(QLatin1String("num_ack_pending"));
            position.streamLastSequence = *lastSequence;
            return position;
        });
}

std::unique_ptr<nats::PullConsumer> startPulling(DaemonContext *context, QObject *owner,
                                                 const QString &stream, const QString &name,
                                                 nats::PullConsumer::Handler handler)
{
    auto consumer =
        std::make_unique<nats::PullConsumer>(context->jetStream, stream, name, std::move(handler),
                                             context->fetchBatch, kFetchExpiresMs, owner);
    QObject::connect(consumer.get(), &nats::PullConsumer::failed, owner,
                     [context, name](const nats::NatsError &error) {
                         context->log(LogLevel::Warning,
                                      QStringLiteral("%1: %2").arg(name, error.describe()));
                     });
    consumer->start();
    return consumer;
}

} // namespace cotal::delivery

namespace cotal::delivery {

DurableLoop::DurableLoop(DaemonContext *context)
    : m_context(context)
{}

DurableLoop::~DurableLoop() = default;

void DurableLoop::bound(const ConsumerPosition &) {}

QFuture<nats::NatsError> DurableLoop::bindDurable(QObject *owner, const QString &stream,
                                                  const QString &name, const QString &filter,
                                                  const QByteArray &config, bool withBacklog)
{
    const quint64 generation = m_generation;
    return openDurable(m_context, owner, stream, name, filter, config, withBacklog)
        .then(owner, [this, owner, generation, stream, name](const ConsumerPosition &position) {
            if (generation != m_generation)
                return nats::NatsError{};
            if (position.error.isError())
                return position.error;
            m_gaps.reset(std::max(m_gaps.position(), position.delivered));
            bound(position);
            if (!m_publisher)
                m_publisher = std::make_unique<PublishLanes>(m_context, owner, [this] { pump(); });
            m_running = true;
            // A pull consumer re-pulls by itself after a reconnect; replacing it would drop
            // what its current pull is delivering (back only after ack_wait).
            if (m_consumer)
                return nats::NatsError{};
            m_consumer =
                startPulling(m_context, owner, stream, name,
                             [this](const QList<nats::JsMessage> &batch) { handle(batch); });
            pump();
            return nats::NatsError{};
        });
}

} // namespace cotal::delivery
