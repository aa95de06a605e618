#include "core/delivery/daemoncontext_p.h"
#include "core/delivery/publishlanes_p.h"

namespace cotal::delivery {

namespace {

// At most this many copies waiting and in flight count as quiet: one message's copies to a
// channel of a few dozen members, not a burst.
constexpr qsizetype kQuietBacklog = 32;

qsizetype outstanding(const nats::JsPublisher &publisher)
{
    return publisher.inFlight() + publisher.queued();
}

} // namespace

PublishLanes::PublishLanes(DaemonContext *context, QObject *owner,
                           const std::function<void()> &drained)
    : m_context(context)
    , m_owner(owner)
    , m_batched(
          std::make_unique<nats::JsPublisher>(context->jetStream, context->publishWindow, owner))
    , m_prompt(std::make_unique<nats::JsPublisher>(context->readJetStream, context->publishWindow,
                                                   owner))
    , m_current(m_batched.get())
{
    QObject::connect(m_prompt.get(), &nats::JsPublisher::idle, owner, drained);
}

PublishLanes::~PublishLanes() = default;

bool PublishLanes::readsConnectionUp() const
{
    return m_context->readJetStream.connection()->state() == nats::NatsConnection::State::Connected;
}

bool PublishLanes::promptLaneMayHoldUnsent() const
{
    return m_promptUnsettled &&
           m_context->readJetStream.connection()->state() != nats::NatsConnection::State::Closed;
}

bool PublishLanes::mayPublish(qsizetype waiting)
{
    if (m_current == m_prompt.get() && promptLaneMayHoldUnsent())
        return true;
    const bool quiet =
        waiting + outstanding(*m_batched) + outstanding(*m_prompt) <= kQuietBacklog &&
        readsConnectionUp();
    nats::JsPublisher *wanted = quiet ? m_prompt.get() : m_batched.get();
    if (wanted == m_current)
        return true;
    if (outstanding(*m_current) == 0) {
        m_current = wanted;
        return true;
    }
    // Light load may stay on the main lane until it drains; a burst waits for the quiet lane to
    // drain rather than leave one write at a time.
    return m_current == m_batched.get();
}

QFuture<nats::PubAck> PublishLanes::publish(const QString &subject, const QByteArray &data,
                                            const nats::NatsConnection::Headers &headers)
{
    if (m_current != m_prompt.get())
        return m_current->publish(subject, data, headers);
    return m_current->publish(subject, data, headers)
        .then(m_owner, [this](const nats::PubAck &ack) {
            m_promptUnsettled = !ack.ok();
            return ack;
        });
}

} // namespace cotal::delivery
