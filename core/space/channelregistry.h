#pragma once

#include "core/nats/keyvalue.h"
#include "core/space/registryentry.h"
#include "core/wire/channelconfig.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

namespace cotal::space {

// A channel's policy read fresh from the bucket (endpoint.md §4 "fresh KV read").
struct FreshChannelPolicy
{
    wire::EffectiveChannelPolicy policy;
    std::optional<RegistryEntry<wire::ChannelConfig>> config; // concrete targets only
    std::optional<RegistryEntry<wire::ChannelDefaults>> defaults;
    nats::NatsError error; // a failed read; absent or undecodable values are not errors
    bool ok() const { return !error.isError(); }
};

using ChannelConfigWrite = RegistryWrite<wire::ChannelConfig>;
using ChannelDefaultsWrite = RegistryWrite<wire::ChannelDefaults>;

// The channel registry `cotal_channels_<S>`: a watch-fed cache of `=defaults` and every channel
// entry (endpoint.md §4), the one effective resolution over it, fresh reads where the protocol
// asks for them, and compare-and-set writes for the console's channel editor. Lives on its
// connection's thread.
class ChannelRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelRegistry)

public:
    explicit ChannelRegistry(nats::KeyValue bucket, QObject *parent = nullptr);
    ~ChannelRegistry() override;

    // Starts the watch; a second call restarts from an empty cache.
    void start();
    void stop();
    bool isLoaded() const { return m_loaded; }

    // The cache. An empty cache falls back to the built-in defaults.
    const wire::ChannelDefaults &defaults() const { return m_defaults.record; }
    quint64 defaultsRevision() const { return m_defaults.revision; }
    std::optional<RegistryEntry<wire::ChannelConfig>> entry(const QString &channel) const;
    QStringList channels() const; // configured channels, sorted

    // channel ?? defaults ?? built-in, from the cache; a wildcard target consults only defaults.
    wire::EffectiveChannelPolicy effective(const QString &target) const;

    // The channel key (concrete targets only) and `=defaults`, read now.
    QFuture<FreshChannelPolicy> resolveFresh(const QString &target) const;

    // Compare-and-set writes of the whole value: validation first; `expectedRevision` 0 creates
    // (the key must be absent), otherwise the write lands only if the key is still at that
    // revision. A lost race is RevisionConflict with the stored value, never an overwrite.
    QFuture<ChannelConfigWrite> writeConfig(const QString &channel,
                                            const wire::ChannelConfig &config,
                                            quint64 expectedRevision) const;
    QFuture<ChannelDefaultsWrite> writeDefaults(const wire::ChannelDefaults &defaults,
                                                quint64 expectedRevision) const;

signals:
    // Keys (`=defaults` included) whose cached value changed in one drain.
    void changed(const QStringList &keys);
    void loaded();
    void watchFailed(const cotal::nats::NatsError &error);

private:
    void handleEntries(const QList<nats::KvEntry> &batch);
    bool apply(const nats::KvEntry &entry);

    nats::KeyValue m_bucket;
    std::unique_ptr<nats::KvWatcher> m_watcher;
    RegistryEntry<wire::ChannelDefaults> m_defaults;
    QHash<QString, RegistryEntry<wire::ChannelConfig>> m_configs;
    bool m_loaded = false;
};

} // namespace cotal::space
