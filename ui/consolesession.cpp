#include "ui/consolesession.h"

#include <QPromise>
#include <algorithm>

namespace cotal::ui {

using endpoint::Endpoint;

ConsoleSession::ConsoleSession(QObject *parent)
    : QObject(parent)
{
    connect(&m_pacer, &MessagePacer::released, this, &ConsoleSession::messagesReceived);
    connect(&m_access, &space::SpaceAccess::ready, this, &ConsoleSession::adminReady);
    connect(&m_access, &space::SpaceAccess::closing, this, &ConsoleSession::adminClosing);
    connect(&m_access, &space::SpaceAccess::errorReported, this, &ConsoleSession::errorReported);
}

// A host's destructor stops its endpoint and joins its thread: a bounded wait, at shutdown only.
ConsoleSession::~ConsoleSession()
{
    m_access.close();
    for (endpoint::EndpointHost *host : m_closing)
        delete host;
}

QString ConsoleSession::stateText(Endpoint::State state)
{
    switch (state) {
    case Endpoint::State::Stopped:
        return tr("disconnected");
    case Endpoint::State::Connecting:
        return tr("connecting…");
    case Endpoint::State::Connected:
        return tr("connected");
    case Endpoint::State::Reconnecting:
        return tr("reconnecting…");
    case Endpoint::State::Rebuilding:
        return tr("connection lost — rebuilding…");
    case Endpoint::State::Stopping:
        return tr("disconnecting…");
    case Endpoint::State::Failed:
        break;
    }
    return tr("connection failed");
}

void ConsoleSession::open(endpoint::EndpointOptions options, space::SpaceCredentials credentials,
                          std::unique_ptr<QTemporaryFile> keepAlive)
{
    close();
    ++m_generation;
    m_options = std::move(options);
    m_credentials = std::move(credentials);
    m_credentials.view.options = m_options.connection;
    m_keepAlive = std::move(keepAlive);
    m_host = std::make_unique<endpoint::EndpointHost>(m_options);
    m_counters = {};
    m_joined.clear();
    m_tap = endpoint::TapVisibility::Off;
    connectEndpoint(m_host->endpoint());
    m_state = Endpoint::State::Connecting;
    m_stateReason.clear();
    emit opened();
    emit stateChanged(m_state, m_stateReason);
    const quint64 generation = m_generation;
    m_host->start().then(this, [this, generation](const nats::NatsError &error) {
        if (generation != m_generation)
            return;
        if (error.isError()) {
            m_state = Endpoint::State::Failed;
            m_stateReason = error.describe();
            emit stateChanged(m_state, m_stateReason);
        }
        // The endpoint's id, derived from the credential where there is one: its grants
        // allow replies only under "_INBOX_<id>" (wire.md §10).
        // A space whose streams are missing still gets its admin connections: through them
        // the console tells what is missing and can provision it.
        if (!error.isError() || error.kind == nats::NatsErrorKind::NotFound)
            m_access.open(m_options.space, m_host->endpoint()->id(), m_credentials);
        emit started(error);
    });
}

void ConsoleSession::connectEndpoint(Endpoint *endpoint)
{
    // Queued across threads; the generation check drops what a closed endpoint still sends.
    const quint64 generation = m_generation;
    connect(endpoint, &Endpoint::stateChanged, this,
            [this, generation](Endpoint::State state, const QString &reason) {
                if (generation != m_generation)
                    return;
                m_state = state;
                m_stateReason = reason;
                emit stateChanged(state, reason);
            });
    connect(endpoint, &Endpoint::messagesReceived, this,
            [this, generation](const QList<endpoint::ReceivedMessage> &batch) {
                if (generation == m_generation)
                    m_pacer.push(batch);
            });
    connect(endpoint, &Endpoint::rosterChanged, this,
            [this, generation](const QList<wire::Presence> &roster) {
                if (generation == m_generation)
                    emit rosterChanged(roster);
            });
    connect(endpoint, &Endpoint::channelsChanged, this, [this, generation] {
        if (generation == m_generation)
            emit channelsChanged();
    });
    connect(endpoint, &Endpoint::joinedChannelsChanged, this,
            [this, generation](const QStringList &channels) {
                if (generation != m_generation)
                    return;
                m_joined = channels;
                emit joinedChannelsChanged(channels);
            });
    connect(endpoint, &Endpoint::tapVisibilityChanged, this,
            [this, generation](endpoint::TapVisibility visibility) {
                if (generation != m_generation)
                    return;
                m_tap = visibility;
                emit tapVisibilityChanged(visibility);
            });
    connect(endpoint, &Endpoint::anomaly, this, [this, generation](const endpoint::Anomaly &value) {
        if (generation == m_generation)
            emit anomaly(value);
    });
    connect(endpoint, &Endpoint::anomalyCountersChanged, this,
            [this, generation](const endpoint::AnomalyCounters &counters) {
                if (generation != m_generation)
                    return;
                m_counters = counters;
                emit anomalyCountersChanged(counters);
            });
    connect(endpoint, &Endpoint::errorReported, this, [this, generation](const QString &message) {
        if (generation == m_generation)
            emit errorReported(message);
    });
}

void ConsoleSession::reopen()
{
    if (!m_host)
        return;
    endpoint::EndpointOptions options = m_options;
    space::SpaceCredentials credentials = m_credentials;
    std::unique_ptr<QTemporaryFile> keepAlive = std::move(m_keepAlive);
    open(std::move(options), std::move(credentials), std::move(keepAlive));
}

void ConsoleSession::close()
{
    if (!m_host)
        return;
    ++m_generation;
    m_access.close();
    // Hand the host over to its own stop(): the GUI never waits on the network. The lambda
    // owns it; its destructor then only joins an idle thread.
    endpoint::EndpointHost *host = m_host.release();
    QObject::disconnect(host->endpoint(), nullptr, this, nullptr);
    m_closing.push_back(host);
    host->stop().then(this, [this, host] {
        m_closing.erase(std::remove(m_closing.begin(), m_closing.end(), host), m_closing.end());
        delete host;
    });
    m_keepAlive.reset();
    m_pacer.clear();
    m_state = Endpoint::State::Stopped;
    m_stateReason.clear();
    m_tap = endpoint::TapVisibility::Off;
    m_joined.clear();
    emit stateChanged(m_state, m_stateReason);
    emit closed();
}

template<typename T> QFuture<T> ConsoleSession::call(std::function<QFuture<T>(Endpoint *)> op)
{
    if (!m_host) {
        // Not connected: a finished future with a NotConnected error in it.
        QPromise<T> promise;
        promise.start();
        T value;
        value.error.kind = nats::NatsErrorKind::NotConnected;
        value.error.message = tr("not connected");
        promise.addResult(value);
        promise.finish();
        return promise.future();
    }
    return m_host->invoke<T>(std::move(op));
}

QFuture<quint64> ConsoleSession::droppedCopies()
{
    if (!m_host)
        return QtFuture::makeReadyFuture(quint64(0));
    return m_host->invoke<quint64>(
        [](Endpoint *e) { return QtFuture::makeReadyFuture(e->droppedCopies()); });
}

QFuture<endpoint::ChannelListResult> ConsoleSession::listChannels()
{
    return call<endpoint::ChannelListResult>([](Endpoint *e) { return e->listChannels(); });
}

QFuture<endpoint::HistoryResult> ConsoleSession::readHistory(const QString &channel, int limit)
{
    return call<endpoint::HistoryResult>(
        [channel, limit](Endpoint *e) { return e->readHistory(channel, limit); });
}

QFuture<endpoint::JoinResult> ConsoleSession::joinChannel(const QString &channel)
{
    return call<endpoint::JoinResult>([channel](Endpoint *e) { return e->joinChannel(channel); });
}

QFuture<endpoint::SendResult> ConsoleSession::sendToChannel(const QString &channel,
                                                            const QString &text,
                                                            const QStringList &mentions)
{
    endpoint::SendOptions options;
    options.mentions = mentions;
    return call<endpoint::SendResult>([channel, text, options](Endpoint *e) {
        return e->sendToChannel(channel, {wire::Part::makeText(text)}, options);
    });
}

QFuture<endpoint::SendResult> ConsoleSession::sendDirect(const QString &targetId,
                                                         const QString &text)
{
    return call<endpoint::SendResult>([targetId, text](Endpoint *e) {
        return e->sendDirect(targetId, {wire::Part::makeText(text)});
    });
}

QFuture<endpoint::SendResult> ConsoleSession::sendToRole(const QString &role, const QString &text)
{
    return call<endpoint::SendResult>(
        [role, text](Endpoint *e) { return e->sendToRole(role, {wire::Part::makeText(text)}); });
}

QFuture<endpoint::ControlResult> ConsoleSession::control(const QString &service, const QString &op,
                                                         const QJsonObject &args, int timeoutMs)
{
    if (!m_host) {
        endpoint::ControlResult result;
        result.natsError.kind = nats::NatsErrorKind::NotConnected;
        result.error = tr("not connected");
        return QtFuture::makeReadyFuture(result);
    }
    return m_host->invoke<endpoint::ControlResult>([service, op, args, timeoutMs](Endpoint *e) {
        return e->control(service, op, args, timeoutMs);
    });
}

} // namespace cotal::ui
