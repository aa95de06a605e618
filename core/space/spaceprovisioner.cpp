#include "core/space/spaceprovisioner.h"

#include "core/nats/keyvalue.h"
#include "core/space/spaceerror.h"
#include "core/wire/channelconfig.h"
#include "core/wire/jsonreader.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <memory>

namespace cotal::space {

namespace {

constexpr qint64 kNanosPerMs = 1000000;
constexpr qint64 kServerDuplicateWindowNs = 120000000000;  // nats-server default: 2 min
constexpr qint64 kPlane3DuplicateWindowNs = 7200000000000; // 2 h
constexpr qint64 kPresenceTtlMs = 6000;
constexpr qint64 kDeliveryLeaseTtlMs = 30000;
constexpr qint64 kManagerLeaseTtlMs = 10000;
constexpr qint64 kMembershipFeedMaxBytes = 67108864;
constexpr int kDefaultsAttempts = 5;
const QString kDefaultsKey = wire::kChannelDefaultsKey.toString();

// One of the 12 streams of a space: how to create it and what the server must then report.
struct StreamSpec
{
    QString name;
    QString subject;
    QString retention;
    qint64 maxMsgsPerSubject = -1;
    QString discard;
    qint64 maxAgeNs = 0;
    qint64 duplicateWindowNs = kServerDuplicateWindowNs;
    bool allowDirect = false;
    bool allowRollup = false;
    qint64 maxBytes = -1;
    int replicas = 1;
    QByteArray createBody;
};

// Space tokens are [A-Za-z0-9_-], so names and subjects need no JSON escaping.
QByteArray streamBody(const QString &name, const QString &subject, const char *retention,
                      const QByteArray &tail, int replicas)
{
    const QByteArray replication =
        replicas == 1 ? QByteArray() : ",\"num_replicas\":" + QByteArray::number(replicas);
    return "{\"name\":\"" + name.toUtf8() + "\",\"subjects\":[\"" + subject.toUtf8() +
           "\"],\"retention\":\"" + retention + "\",\"storage\":\"file\"" + tail + replication +
           '}';
}

QByteArray plane3Tail()
{
    return ",\"max_msgs_per_subject\":1000,\"discard\":\"old\",\"duplicate_window\":" +
           QByteArray::number(kPlane3DuplicateWindowNs);
}

StreamSpec messageStream(const QString &name, const QString &subject, const QString &retention,
                         QByteArray body)
{
    StreamSpec spec;
    spec.name = name;
    spec.subject = subject;
    spec.retention = retention;
    spec.discard = QStringLiteral("old");
    spec.createBody = std::move(body);
    return spec;
}

StreamSpec bucketStream(const QString &bucket, qint64 ttlMs, qint64 maxBytes, int replicas)
{
    StreamSpec spec;
    spec.name = wire::kvStreamName(bucket);
    spec.subject = QStringLiteral("$KV.%1.>").arg(bucket);
    spec.retention = QStringLiteral("limits");
    spec.maxMsgsPerSubject = 1;
    spec.discard = QStringLiteral("new");
    spec.maxAgeNs = ttlMs * kNanosPerMs;
    // The server clamps its 2 min default down to max_age (storage.md §3).
    if (spec.maxAgeNs > 0)
        spec.duplicateWindowNs = std::min(spec.duplicateWindowNs, spec.maxAgeNs);
    spec.allowDirect = true;
    spec.allowRollup = true;
    spec.maxBytes = maxBytes;
    spec.replicas = replicas;
    spec.createBody = nats::KeyValue::bucketConfig(bucket, ttlMs, 1, maxBytes, replicas);
    return spec;
}

QList<StreamSpec> streamSpecs(const QString &s, int replicas)
{
    const QString prefix = wire::spacePrefix(s);
    StreamSpec chat =
        messageStream(wire::chatStreamName(s), prefix + QStringLiteral(".chat.>"),
                      QStringLiteral("limits"), SpaceProvisioner::chatStreamConfig(s, replicas));
    chat.maxMsgsPerSubject = 1000;
    chat.allowDirect = true;
    StreamSpec inbox =
        messageStream(wire::inboxStreamName(s), prefix + QStringLiteral(".dinbox.>"),
                      QStringLiteral("limits"), SpaceProvisioner::inboxStreamConfig(s, replicas));
    StreamSpec dlv =
        messageStream(wire::dlvStreamName(s), prefix + QStringLiteral(".dlv.>"),
                      QStringLiteral("limits"), SpaceProvisioner::dlvStreamConfig(s, replicas));
    for (StreamSpec *plane3 : {&inbox, &dlv}) {
        plane3->maxMsgsPerSubject = 1000;
        plane3->duplicateWindowNs = kPlane3DuplicateWindowNs;
    }
    QList<StreamSpec> specs{
        chat,
        messageStream(wire::dmStreamName(s), prefix + QStringLiteral(".inst.>"),
                      QStringLiteral("limits"), SpaceProvisioner::dmStreamConfig(s, replicas)),
        messageStream(wire::taskStreamName(s), prefix + QStringLiteral(".svc.>"),
                      QStringLiteral("workqueue"), SpaceProvisioner::taskStreamConfig(s, replicas)),
        inbox,
        dlv,
    };
    for (StreamSpec &spec : specs)
        spec.replicas = replicas;
    specs.append({
        bucketStream(wire::presenceBucket(s), kPresenceTtlMs, -1, replicas),
        bucketStream(wire::channelsBucket(s), 0, -1, replicas),
        bucketStream(wire::membersBucket(s), 0, -1, replicas),
        bucketStream(wire::aclBucket(s), 0, -1, replicas),
        bucketStream(wire::membershipBucket(s), 0, kMembershipFeedMaxBytes, replicas),
        bucketStream(wire::deliveryBucket(s), kDeliveryLeaseTtlMs, -1, replicas),
        bucketStream(wire::managerBucket(s), kManagerLeaseTtlMs, -1, replicas),
    });
    return specs;
}

// Field order as nats-server 2.9 prints a StreamConfig.
QJsonObject expectedOf(const StreamSpec &spec)
{
    return QJsonObject{
        {QStringLiteral("name"), spec.name},
        {QStringLiteral("subjects"), QJsonArray{spec.subject}},
        {QStringLiteral("retention"), spec.retention},
        {QStringLiteral("max_consumers"), -1},
        {QStringLiteral("max_msgs"), -1},
        {QStringLiteral("max_bytes"), spec.maxBytes},
        {QStringLiteral("max_age"), spec.maxAgeNs},
        {QStringLiteral("max_msgs_per_subject"), spec.maxMsgsPerSubject},
        {QStringLiteral("max_msg_size"), -1},
        {QStringLiteral("discard"), spec.discard},
        {QStringLiteral("storage"), QStringLiteral("file")},
        {QStringLiteral("num_replicas"), spec.replicas},
        {QStringLiteral("duplicate_window"), spec.duplicateWindowNs},
        {QStringLiteral("allow_direct"), spec.allowDirect},
        {QStringLiteral("mirror_direct"), false},
        {QStringLiteral("sealed"), false},
        {QStringLiteral("deny_delete"), false},
        {QStringLiteral("deny_purge"), false},
        {QStringLiteral("allow_rollup_hdrs"), spec.allowRollup},
    };
}

QString jsonText(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("(absent)");
    return QString::fromUtf8(wire::JsonWriter().value(value).bytes());
}

nats::NatsError makeError(nats::NatsErrorKind kind, const QString &message)
{
    nats::NatsError error;
    error.kind = kind;
    error.message = message;
    return error;
}

struct StepOutcome
{
    QString name;
    bool created = false;
    QStringList differences;
    nats::NatsError error;
};

StepOutcome compared(const StreamSpec &spec, const nats::ApiResult &info, bool created)
{
    StepOutcome outcome{spec.name, created, {}, {}};
    outcome.differences = SpaceProvisioner::configDifferences(
        expectedOf(spec), info.body.value(QStringLiteral("config")).toObject());
    if (!outcome.differences.isEmpty()) {
        outcome.error = makeError(nats::NatsErrorKind::AlreadyExists,
                                  QStringLiteral("%1 exists with a different config (%2)")
                                      .arg(spec.name, outcome.differences.join(u"; ")));
    }
    return outcome;
}

// Looks the stream up first and creates it only when it is missing, like the reference. An
// existing stream is compared, never updated: a different config is the operator's call.
QFuture<StepOutcome> ensureStream(const nats::JetStream &js, const StreamSpec &spec)
{
    QObject *context = js.connection();
    return js.streamInfo(spec.name)
        .then(
            context,
            [js, spec](const nats::ApiResult &info) {
                if (info.ok())
                    return QtFuture::makeReadyFuture(compared(spec, info, false));
                if (info.error.kind != nats::NatsErrorKind::NotFound)
                    return QtFuture::makeReadyFuture(StepOutcome{spec.name, false, {}, info.error});
                return js.createStream(spec.name, spec.createBody)
                    .then(js.connection(),
                          [js, spec](const nats::ApiResult &created) {
                              if (created.ok())
                                  return QtFuture::makeReadyFuture(compared(spec, created, true));
                              if (created.error.kind != nats::NatsErrorKind::AlreadyExists) {
                                  return QtFuture::makeReadyFuture(
                                      StepOutcome{spec.name, false, {}, created.error});
                              }
                              // Lost a create race: whoever won decides the config; compare it.
                              return js.streamInfo(spec.name).then(
                                  js.connection(), [spec](const nats::ApiResult &again) {
                                      if (!again.ok())
                                          return StepOutcome{spec.name, false, {}, again.error};
                                      return compared(spec, again, false);
                                  });
                          })
                    .unwrap();
            })
        .unwrap();
}

struct DefaultsOutcome
{
    bool written = false;
    nats::NatsError error;
};

// Adds `deliveryClass` to `=defaults` unless one is set, keeping every other field and its
// position (the reference spreads the current value). Written with create / compare-and-set so
// a concurrent editor is never overwritten; a lost race re-reads and decides again.
QFuture<DefaultsOutcome> ensureDefaultClass(const nats::KeyValue &kv, const QString &deliveryClass,
                                            int attempt)
{
    QObject *context = kv.jetStream().connection();
    return kv.get(kDefaultsKey)
        .then(context,
              [kv, deliveryClass, attempt](const nats::KvResult &current) {
                  const bool absent =
                      isAbsentKey(current.error) || (current.ok() && !current.entry.isLive());
                  if (!absent && !current.ok())
                      return QtFuture::makeReadyFuture(DefaultsOutcome{false, current.error});
                  wire::JsonObject defaults;
                  if (!absent) {
                      const auto parsed = wire::parseJson(current.entry.value);
                      // An undecodable value reads as {} everywhere, so it is replaced.
                      if (parsed.ok() && parsed.value().isObject())
                          defaults = parsed.value().toObject();
                  }
                  if (defaults.contains(u"deliveryClass"))
                      return QtFuture::makeReadyFuture(DefaultsOutcome{false, {}});
                  defaults.insert(QStringLiteral("deliveryClass"), wire::JsonValue(deliveryClass));
                  const QByteArray body = wire::toJsonText(wire::JsonValue(defaults));
                  QFuture<nats::KvResult> write =
                      absent ? kv.create(kDefaultsKey, body)
                             : kv.update(kDefaultsKey, body, current.entry.revision);
                  return write
                      .then(kv.jetStream().connection(),
                            [kv, deliveryClass, attempt](const nats::KvResult &written) {
                                if (written.ok())
                                    return QtFuture::makeReadyFuture(DefaultsOutcome{true, {}});
                                if (written.error.kind != nats::NatsErrorKind::RevisionConflict ||
                                    attempt + 1 >= kDefaultsAttempts) {
                                    return QtFuture::makeReadyFuture(
                                        DefaultsOutcome{false, written.error});
                                }
                                return ensureDefaultClass(kv, deliveryClass, attempt + 1);
                            })
                      .unwrap();
              })
        .unwrap();
}

StreamPresence presenceOf(const StreamSpec &spec, const nats::ApiResult &info)
{
    StreamPresence presence{spec.name, StreamPresence::State::Unchecked, {}, info.error};
    if (info.ok()) {
        QJsonObject expected = expectedOf(spec);
        expected.remove(QStringLiteral("num_replicas"));
        presence.differences = SpaceProvisioner::configDifferences(
            expected, info.body.value(QStringLiteral("config")).toObject());
        presence.state = presence.differences.isEmpty() ? StreamPresence::State::Present
                                                        : StreamPresence::State::Different;
    } else if (info.error.kind == nats::NatsErrorKind::NotFound) {
        presence.state = StreamPresence::State::Missing;
    }
    return presence;
}

} // namespace

QStringList SpaceInventory::named(StreamPresence::State state) const
{
    QStringList names;
    for (const StreamPresence &stream : streams) {
        if (stream.state == state)
            names.append(stream.stream);
    }
    return names;
}

SpaceProvisioner::SpaceProvisioner(nats::JetStream jetStream, QString space, wire::Grants grants)
    : m_jetStream(std::move(jetStream))
    , m_space(std::move(space))
    , m_grants(std::move(grants))
{}

QByteArray SpaceProvisioner::chatStreamConfig(const QString &space, int replicas)
{
    return streamBody(
        wire::chatStreamName(space), wire::spacePrefix(space) + QStringLiteral(".chat.>"), "limits",
        ",\"max_msgs_per_subject\":1000,\"discard\":\"old\",\"allow_direct\":true", replicas);
}

QByteArray SpaceProvisioner::dmStreamConfig(const QString &space, int replicas)
{
    return streamBody(wire::dmStreamName(space),
                      wire::spacePrefix(space) + QStringLiteral(".inst.>"), "limits", {}, replicas);
}

QByteArray SpaceProvisioner::taskStreamConfig(const QString &space, int replicas)
{
    return streamBody(wire::taskStreamName(space),
                      wire::spacePrefix(space) + QStringLiteral(".svc.>"), "workqueue", {},
                      replicas);
}

QByteArray SpaceProvisioner::inboxStreamConfig(const QString &space, int replicas)
{
    return streamBody(wire::inboxStreamName(space),
                      wire::spacePrefix(space) + QStringLiteral(".dinbox.>"), "limits",
                      plane3Tail(), replicas);
}

QByteArray SpaceProvisioner::dlvStreamConfig(const QString &space, int replicas)
{
    return streamBody(wire::dlvStreamName(space),
                      wire::spacePrefix(space) + QStringLiteral(".dlv.>"), "limits", plane3Tail(),
                      replicas);
}

QJsonObject SpaceProvisioner::expectedConfig(const QString &space, const QString &stream,
                                             int replicas)
{
    const QList<StreamSpec> specs = streamSpecs(space, replicas);
    const auto found =
        std::find_if(specs.cbegin(), specs.cend(),
                     [&stream](const StreamSpec &spec) { return spec.name == stream; });
    return found == specs.cend() ? QJsonObject{} : expectedOf(*found);
}

QStringList SpaceProvisioner::configDifferences(const QJsonObject &expected,
                                                const QJsonObject &actual)
{
    QStringList differences;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        const QJsonValue found = actual.value(it.key());
        if (found != it.value()) {
            differences.append(QStringLiteral("%1: expected %2, found %3")
                                   .arg(it.key(), jsonText(it.value()), jsonText(found)));
        }
    }
    return differences;
}

QFuture<SpaceInventory> SpaceProvisioner::inspect() const
{
    const nats::JetStream js = m_jetStream;
    QList<QFuture<StreamPresence>> lookups;
    for (const StreamSpec &spec : streamSpecs(m_space, m_replicas)) {
        if (!m_grants.mayPublish(QStringLiteral("$JS.API.STREAM.INFO.") + spec.name)) {
            lookups.append(QtFuture::makeReadyFuture(StreamPresence{
                spec.name,
                StreamPresence::State::Unchecked,
                {},
                makeError(nats::NatsErrorKind::PermissionDenied,
                          QStringLiteral("this credential may not look up %1").arg(spec.name))}));
            continue;
        }
        lookups.append(
            js.streamInfo(spec.name).then(js.connection(), [spec](const nats::ApiResult &info) {
                return presenceOf(spec, info);
            }));
    }
    return QtFuture::whenAll(lookups.begin(), lookups.end())
        .then(js.connection(), [](const QList<QFuture<StreamPresence>> &done) {
            SpaceInventory inventory;
            for (const QFuture<StreamPresence> &lookup : done)
                inventory.streams.append(lookup.result());
            return inventory;
        });
}

QStringList SpaceProvisioner::streamNames(const QString &space)
{
    QStringList names;
    for (const StreamSpec &spec : streamSpecs(space, 1))
        names.append(spec.name);
    return names;
}

bool SpaceProvisioner::mayProvision(const wire::Grants &grants, const QString &space)
{
    const QList<StreamSpec> specs = streamSpecs(space, 1);
    const bool streams =
        std::all_of(specs.cbegin(), specs.cend(), [&grants](const StreamSpec &spec) {
            return grants.mayPublish(QStringLiteral("$JS.API.STREAM.CREATE.") + spec.name) &&
                   grants.mayPublish(QStringLiteral("$JS.API.STREAM.INFO.") + spec.name);
        });
    return streams &&
           grants.mayPublish(
               QStringLiteral("$KV.%1.%2").arg(wire::channelsBucket(space), kDefaultsKey));
}

QFuture<ProvisionResult> SpaceProvisioner::provision(DefaultDeliveryClass defaultClass) const
{
    const nats::JetStream js = m_jetStream;
    QList<QFuture<StepOutcome>> steps;
    for (const StreamSpec &spec : streamSpecs(m_space, m_replicas))
        steps.append(ensureStream(js, spec));
    const nats::KeyValue channels(js, wire::channelsBucket(m_space));
    const QString deliveryClass = defaultClass == DefaultDeliveryClass::Durable
                                      ? QStringLiteral("durable")
                                      : QStringLiteral("live");
    return QtFuture::whenAll(steps.begin(), steps.end())
        .then(js.connection(),
              [channels, deliveryClass](const QList<QFuture<StepOutcome>> &done) {
                  ProvisionResult result;
                  for (const QFuture<StepOutcome> &step : done) {
                      const StepOutcome outcome = step.result();
                      if (!outcome.differences.isEmpty())
                          result.mismatched.append({outcome.name, outcome.differences});
                      else if (!outcome.error.isError())
                          (outcome.created ? result.created : result.existing).append(outcome.name);
                      if (outcome.error.isError() && !result.error.isError()) {
                          result.error = outcome.error;
                          if (!result.error.message.contains(outcome.name)) {
                              result.error.message =
                                  QStringLiteral("%1: %2").arg(outcome.name, outcome.error.message);
                          }
                      }
                  }
                  if (result.error.isError())
                      return QtFuture::makeReadyFuture(result);
                  return ensureDefaultClass(channels, deliveryClass, 0)
                      .then(channels.jetStream().connection(),
                            [result,
                             bucket = channels.bucket()](const DefaultsOutcome &defaults) mutable {
                                result.defaultsWritten = defaults.written;
                                if (defaults.error.isError()) {
                                    result.error = defaults.error;
                                    result.error.message =
                                        QStringLiteral("%1 %2: %3")
                                            .arg(bucket, kDefaultsKey, defaults.error.message);
                                }
                                return result;
                            });
              })
        .unwrap();
}

} // namespace cotal::space
