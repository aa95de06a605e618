#include "core/space/channelregistry.h"

#include "core/wire/channels.h"

#include <algorithm>

namespace cotal::space {

namespace {

const QString kDefaultsKey = wire::kChannelDefaultsKey.toString();

template<typename Record> using Decoder = wire::Result<Record> (*)(QByteArrayView);

// A read as a registry entry: none when absent, deleted, purged or undecodable.
template<typename Record>
std::optional<RegistryEntry<Record>> entryOf(const nats::KvResult &read, Decoder<Record> decode)
{
    if (!read.ok() || !read.entry.isLive())
        return std::nullopt;
    wire::Result<Record> decoded = decode(read.entry.value);
    if (!decoded)
        return std::nullopt;
    return RegistryEntry<Record>{std::move(decoded).value(), read.entry.revision};
}

bool isAbsent(const nats::KvResult &read)
{
    return isAbsentKey(read.error);
}

template<typename Record>
QFuture<RegistryWrite<Record>> casWrite(const nats::KeyValue &kv, const QString &key,
                                        const QByteArray &body, quint64 expectedRevision,
                                        Decoder<Record> decode)
{
    QObject *context = kv.jetStream().connection();
    QFuture<nats::KvResult> write =
        expectedRevision == 0 ? kv.create(key, body) : kv.update(key, body, expectedRevision);
    return write
        .then(context,
              [kv, key, expectedRevision, decode, context](const nats::KvResult &written) {
                  RegistryWrite<Record> result;
                  if (written.ok()) {
                      result.revision = written.entry.revision;
                      return QtFuture::makeReadyFuture(result);
                  }
                  result.error = SpaceError::fromNats(written.error);
                  if (result.error.kind != SpaceErrorKind::RevisionConflict)
                      return QtFuture::makeReadyFuture(result);
                  result.error.message = expectedRevision == 0
                                             ? QStringLiteral("%1 already exists").arg(key)
                                             : QStringLiteral("%1 changed since revision %2")
                                                   .arg(key)
                                                   .arg(expectedRevision);
                  // Show the editor what won, so it can offer both sides.
                  return kv.get(key).then(context,
                                          [result, decode](const nats::KvResult &now) mutable {
                                              result.current = entryOf(now, decode);
                                              return result;
                                          });
              })
        .unwrap();
}

template<typename Record> QFuture<RegistryWrite<Record>> refused(const SpaceError &error)
{
    RegistryWrite<Record> result;
    result.error = error;
    return QtFuture::makeReadyFuture(result);
}

} // namespace

ChannelRegistry::ChannelRegistry(nats::KeyValue bucket, QObject *parent)
    : QObject(parent)
    , m_bucket(std::move(bucket))
{}

ChannelRegistry::~ChannelRegistry() = default;

void ChannelRegistry::start()
{
    stop();
    m_defaults = {};
    m_configs.clear();
    m_loaded = false;
    m_watcher = std::make_unique<nats::KvWatcher>(m_bucket);
    connect(m_watcher.get(), &nats::KvWatcher::entries, this, &ChannelRegistry::handleEntries);
    connect(m_watcher.get(), &nats::KvWatcher::initialValuesDone, this, [this] {
        if (m_loaded)
            return;
        m_loaded = true;
        emit loaded();
    });
    connect(m_watcher.get(), &nats::KvWatcher::failed, this, &ChannelRegistry::watchFailed);
    m_watcher->start();
}

void ChannelRegistry::stop()
{
    m_watcher.reset();
}

std::optional<RegistryEntry<wire::ChannelConfig>>
ChannelRegistry::entry(const QString &channel) const
{
    const auto it = m_configs.constFind(channel);
    return it == m_configs.cend() ? std::nullopt : std::optional(*it);
}

QStringList ChannelRegistry::channels() const
{
    QStringList keys = m_configs.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

wire::EffectiveChannelPolicy ChannelRegistry::effective(const QString &target) const
{
    const auto it = m_configs.constFind(target);
    const std::optional<wire::ChannelConfig> config =
        it == m_configs.cend() ? std::nullopt : std::optional(it->record);
    return wire::resolveChannelPolicy(target, config, m_defaults.record);
}

void ChannelRegistry::handleEntries(const QList<nats::KvEntry> &batch)
{
    QStringList keys;
    for (const nats::KvEntry &kvEntry : batch) {
        if (apply(kvEntry) && !keys.contains(kvEntry.key))
            keys.append(kvEntry.key);
    }
    if (!keys.isEmpty())
        emit changed(keys);
}

bool ChannelRegistry::apply(const nats::KvEntry &kvEntry)
{
    if (kvEntry.key == kDefaultsKey) {
        if (!kvEntry.isLive()) {
            m_defaults = {};
            return true;
        }
        // An undecodable value keeps the last good one.
        wire::Result<wire::ChannelDefaults> decoded = wire::decodeChannelDefaults(kvEntry.value);
        if (!decoded)
            return false;
        m_defaults = {std::move(decoded).value(), kvEntry.revision};
        return true;
    }
    if (!kvEntry.isLive())
        return m_configs.remove(kvEntry.key) > 0;
    wire::Result<wire::ChannelConfig> decoded = wire::decodeChannelConfig(kvEntry.value);
    if (!decoded)
        return false;
    m_configs.insert(kvEntry.key, {std::move(decoded).value(), kvEntry.revision});
    return true;
}

QFuture<FreshChannelPolicy> ChannelRegistry::resolveFresh(const QString &target) const
{
    QObject *context = m_bucket.jetStream().connection();
    const bool concrete = wire::isConcreteChannel(target);
    QFuture<nats::KvResult> channelRead =
        concrete ? m_bucket.get(target) : QtFuture::makeReadyFuture(nats::KvResult{});
    QFuture<nats::KvResult> defaultsRead = m_bucket.get(kDefaultsKey);
    return channelRead
        .then(context,
              [defaultsRead, target, concrete, context](const nats::KvResult &channel) mutable {
                  return defaultsRead.then(context, [channel, target,
                                                     concrete](const nats::KvResult &defaults) {
                      FreshChannelPolicy fresh;
                      for (const nats::KvResult *read : {&channel, &defaults}) {
                          if (!read->ok() && !isAbsent(*read) && !fresh.error.isError())
                              fresh.error = read->error;
                      }
                      if (concrete)
                          fresh.config =
                              entryOf<wire::ChannelConfig>(channel, wire::decodeChannelConfig);
                      fresh.defaults =
                          entryOf<wire::ChannelDefaults>(defaults, wire::decodeChannelDefaults);
                      fresh.policy = wire::resolveChannelPolicy(
                          target, fresh.config ? std::optional(fresh.config->record) : std::nullopt,
                          fresh.defaults ? std::optional(fresh.defaults->record) : std::nullopt);
                      return fresh;
                  });
              })
        .unwrap();
}

QFuture<ChannelConfigWrite> ChannelRegistry::writeConfig(const QString &channel,
                                                         const wire::ChannelConfig &config,
                                                         quint64 expectedRevision) const
{
    const wire::Result<QString> valid = wire::validateConcreteChannel(channel);
    if (!valid)
        return refused<wire::ChannelConfig>(SpaceError::fromWire(valid.error()));
    const wire::Result<wire::ChannelConfig> checked =
        wire::ChannelConfig::fromObject(config.object());
    if (!checked)
        return refused<wire::ChannelConfig>(SpaceError::fromWire(checked.error()));
    return casWrite<wire::ChannelConfig>(m_bucket, channel, checked->encode(), expectedRevision,
                                         wire::decodeChannelConfig);
}

QFuture<ChannelDefaultsWrite> ChannelRegistry::writeDefaults(const wire::ChannelDefaults &defaults,
                                                             quint64 expectedRevision) const
{
    const wire::Result<wire::ChannelDefaults> checked =
        wire::ChannelDefaults::fromObject(defaults.object());
    if (!checked)
        return refused<wire::ChannelDefaults>(SpaceError::fromWire(checked.error()));
    return casWrite<wire::ChannelDefaults>(m_bucket, kDefaultsKey, checked->encode(),
                                           expectedRevision, wire::decodeChannelDefaults);
}

} // namespace cotal::space
