#include "core/delivery/daemoncontext_p.h"
#include "core/delivery/provenwatch_p.h"

#include <algorithm>

namespace cotal::delivery {

namespace {

constexpr int kWatchRetryMs = 30000;

} // namespace

ProvenWatch::ProvenWatch(DaemonContext *context, QString stream, QString what, QString freshReads,
                         Cache cache, std::function<nats::JetStream()> jetStream, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_stream(std::move(stream))
    , m_what(std::move(what))
    , m_freshReads(std::move(freshReads))
    , m_cache(std::move(cache))
    , m_jetStream(std::move(jetStream))
{}

ProvenWatch::~ProvenWatch() = default;

// The stream's creation time and last sequence are read before the watch starts, so a stream
// re-created at any point after it shows as changed, and the watch holds every write up to
// that sequence even when the newest of them are gone (it never delivers those).
void ProvenWatch::start()
{
    if (m_starting)
        return;
    m_starting = true;
    m_up = false;
    ++m_epoch;
    m_cache.stop();
    m_jetStream().streamInfo(m_stream).then(
        this, [this, epoch = m_epoch](const nats::ApiResult &info) {
            if (epoch != m_epoch)
                return; // closed meanwhile
            m_starting = false;
            if (!info.ok()) {
                if (info.error.kind == nats::NatsErrorKind::PermissionDenied)
                    denyStreamInfo(info.error);
                m_retry.setRemainingTime(kWatchRetryMs);
                return;
            }
            m_created = info.body.value(QLatin1String("created")).toString();
            m_lastAtStart = quint64(info.body.value(QLatin1String("state"))
                                        .toObject()
                                        .value(QLatin1String("last_seq"))
                                        .toInteger());
            m_up = true;
            m_cache.start();
        });
}

void ProvenWatch::close()
{
    m_cache.stop();
    ++m_epoch;
    m_up = false;
    m_starting = false;
}

void ProvenWatch::watchFailed(const nats::NatsError &error)
{
    m_up = false;
    m_retry.setRemainingTime(kWatchRetryMs);
    m_context->log(LogLevel::Warning, QStringLiteral("the %1 watch failed: %2 and the watch is "
                                                     "tried again in %3 s: %4")
                                          .arg(m_what, m_freshReads)
                                          .arg(kWatchRetryMs / 1000)
                                          .arg(error.describe()));
}

QFuture<bool> ProvenWatch::current()
{
    if (m_streamInfoGranted && !m_up && !m_starting && m_retry.hasExpired())
        start();
    if (!m_streamInfoGranted || !m_up || !m_cache.isLoaded())
        return QtFuture::makeReadyFuture(false);
    return m_jetStream().streamInfo(m_stream).then(this, [this, epoch = m_epoch](
                                                             const nats::ApiResult &info) {
        // An answer from before a restart says nothing about the cache now.
        const bool sameWatch = epoch == m_epoch && m_up && m_cache.isLoaded();
        const Standing standing =
            info.ok() && sameWatch ? standingOf(info.body) : Standing::Unproven;
        if (standing == Standing::Changed) {
            m_context->log(LogLevel::Warning,
                           QStringLiteral("the %1 stream changed outside key-value writes "
                                          "(purged, messages deleted or re-created): rebuilding "
                                          "the %1 cache; %2 meanwhile")
                               .arg(m_what, m_freshReads));
            start();
        }
        if (info.error.kind == nats::NatsErrorKind::PermissionDenied)
            denyStreamInfo(info.error);
        return standing == Standing::Current;
    });
}

ProvenWatch::Standing ProvenWatch::standingOf(const QJsonObject &info) const
{
    const QJsonObject state = info.value(QLatin1String("state")).toObject();
    const auto last = quint64(state.value(QLatin1String("last_seq")).toInteger());
    const quint64 seen = std::max(m_cache.watchedRevision(), m_lastAtStart);
    if (info.value(QLatin1String("created")).toString() != m_created)
        return Standing::Changed;
    // Past the answer, the watch's key count cannot be compared with it.
    if (seen != last)
        return Standing::Unproven;
    if (state.value(QLatin1String("num_subjects")).toInteger() != m_cache.watchedKeyCount())
        return Standing::Changed;
    const bool onePerKey = info.value(QLatin1String("config"))
                               .toObject()
                               .value(QLatin1String("max_msgs_per_subject"))
                               .toInteger() == 1;
    return onePerKey ? Standing::Current : Standing::Unproven;
}

void ProvenWatch::denyStreamInfo(const nats::NatsError &error)
{
    if (!m_streamInfoGranted)
        return;
    m_streamInfoGranted = false;
    m_context->log(LogLevel::Warning,
                   QStringLiteral("this credential cannot read the %1 stream's info, so %2: %3")
                       .arg(m_what, m_freshReads, error.describe()));
}

} // namespace cotal::delivery
