#include "core/endpoint/historyreader.h"

#include "core/endpoint/registrycodec_p.h"
#include "core/wire/channels.h"
#include "core/wire/jsonwriter.h"

#include <QPromise>

namespace cotal::endpoint {

struct HistoryReader::Job
{
    QString filter;
    Start start;
    quint64 until = 0;
    int limit = 0;
    quint64 pending = 0;
    HistoryRead result;
    QPromise<HistoryRead> promise;
    std::optional<nats::JetStream> jetStream;
};

HistoryReader::HistoryReader(QObject *parent)
    : QObject(parent)
{}

void HistoryReader::bind(nats::NatsConnection *connection, QString stream, QString consumer)
{
    m_connection = connection;
    m_stream = std::move(stream);
    m_consumer = std::move(consumer);
}

QByteArray HistoryReader::consumerConfig(const QString &name, const QString &filterSubject,
                                         const Start &start)
{
    wire::JsonWriter writer;
    writer.beginObject()
        .key(u"name")
        .string(name)
        .key(u"filter_subject")
        .string(filterSubject)
        .key(u"ack_policy")
        .string(u"none")
        .key(u"mem_storage")
        .boolean(true)
        .key(u"inactive_threshold")
        .integer(kInactiveThresholdNs);
    if (start.time) {
        writer.key(u"deliver_policy")
            .string(u"by_start_time")
            .key(u"opt_start_time")
            .string(start.time->toUTC().toString(Qt::ISODateWithMs));
    } else {
        writer.key(u"deliver_policy")
            .string(u"by_start_sequence")
            .key(u"opt_start_seq")
            .integer(qint64(std::max<quint64>(start.sequence, 1)));
    }
    writer.endObject();
    return writer.take();
}

QFuture<HistoryRead> HistoryReader::read(const QString &filterSubject, Start start, quint64 until,
                                         int limit)
{
    auto job = std::make_shared<Job>();
    job->filter = filterSubject;
    job->start = std::move(start);
    job->until = until;
    job->limit = limit;
    job->promise.start();
    QFuture<HistoryRead> future = job->promise.future();
    m_queue.push_back(std::move(job));
    if (!m_running)
        runNext();
    return future;
}

void HistoryReader::runNext()
{
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    std::shared_ptr<Job> job = m_queue.front();
    m_queue.pop_front();
    if (!m_connection) {
        job->result.error = endpointError(nats::NatsErrorKind::NotConnected,
                                          QStringLiteral("reconnecting — try again shortly"));
        job->promise.addResult(job->result);
        job->promise.finish();
        runNext();
        return;
    }
    job->jetStream.emplace(m_connection);
    const nats::JetStream &js = *job->jetStream;
    // A consumer left over by an interrupted read would make the create fail: delete it first,
    // whatever the answer.
    js.deleteConsumer(m_stream, m_consumer)
        .then(this,
              [this, job](const nats::ApiResult &) {
                  return job->jetStream->createConsumer(
                      m_stream, m_consumer, job->filter,
                      consumerConfig(m_consumer, job->filter, job->start));
              })
        .unwrap()
        .then(this, [this, job](const nats::ApiResult &created) {
            if (!created.ok()) {
                job->result.error = created.error;
                finish(job);
                return;
            }
            job->pending = quint64(created.body.value(QLatin1String("num_pending")).toDouble());
            fetchMore(job);
        });
}

void HistoryReader::fetchMore(std::shared_ptr<Job> job)
{
    if (job->pending == 0) {
        finish(job);
        return;
    }
    const int batch = int(std::min<quint64>(job->pending, kFetchBatch));
    nats::PullConsumer::fetch(*job->jetStream, m_stream, m_consumer, batch, kFetchExpiresMs)
        .then(this,
              [this, job, batch](const QList<nats::JsMessage> &messages) {
                  for (const nats::JsMessage &copy : messages) {
                      const quint64 sequence = copy.metadata().streamSequence;
                      if (job->until && sequence > job->until) {
                          job->pending = 0;
                          break;
                      }
                      // A filter is one subject pattern; anything else on the stream is not ours.
                      if (!wire::subjectMatches(job->filter, copy.message().subject))
                          continue;
                      job->result.entries.append(HistoryEntry{copy.message(), sequence});
                      if (job->limit > 0 && job->result.entries.size() >= job->limit) {
                          job->pending = 0;
                          break;
                      }
                  }
                  if (messages.size() < batch)
                      job->pending = 0; // a short batch: nothing more arrived in time
                  else if (job->pending)
                      job->pending -= quint64(messages.size());
                  fetchMore(job);
              })
        .onFailed(this, [this, job] {
            job->result.error =
                endpointError(nats::NatsErrorKind::Io, QStringLiteral("history fetch failed"));
            finish(job);
        });
}

void HistoryReader::finish(std::shared_ptr<Job> job)
{
    // Always delete the consumer (best effort; it also expires after 30 s idle).
    if (m_connection && job->jetStream)
        job->jetStream->deleteConsumer(m_stream, m_consumer);
    job->promise.addResult(job->result);
    job->promise.finish();
    runNext();
}

} // namespace cotal::endpoint
