#include "core/space/spaceaccess.h"

#include "core/wire/names.h"

#include <QCoreApplication>

namespace cotal::space {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cotal::space::SpaceAccess)
};

} // namespace

SpaceAccess::SpaceAccess(QObject *parent)
    : QObject(parent)
{}

// Closing joins cnats threads (NatsConnection's destructor): a bounded wait, at teardown only.
SpaceAccess::~SpaceAccess()
{
    close();
}

void SpaceAccess::open(const QString &space, const QString &viewId, SpaceCredentials credentials)
{
    close();
    const quint64 generation = ++m_generation;
    m_space = space;
    m_viewProfile = credentials.viewProfile;
    m_feed = credentials.membershipFeed;
    credentials.view.options.inboxId = viewId;
    credentials.view.options.name = QStringLiteral("cotal-console-registries");
    m_links[Credential::View].options = credentials.view.options;
    m_links[Credential::View].grants = credentials.view.grants;
    for (auto &[credential, link] : credentials.roles) {
        link.options.name = QStringLiteral("cotal-console-") + roleName(credential);
        m_links[credential].options = link.options;
        m_links[credential].grants = link.grants;
    }
    m_pending = int(m_links.size());
    for (auto &[credential, link] : m_links) {
        link.connection = std::make_unique<nats::NatsConnection>();
        link.connection->open(link.options)
            .then(this, [this, generation, credential](const nats::NatsError &error) {
                if (generation != m_generation)
                    return;
                m_links[credential].connected = !error.isError();
                if (error.isError())
                    emit errorReported(Text::tr("The %1 credential cannot connect: %2")
                                           .arg(credentialName(credential), error.describe()));
                if (--m_pending == 0)
                    finishOpen();
            });
    }
}

void SpaceAccess::finishOpen()
{
    m_ready = true;
    emit ready();
}

void SpaceAccess::close()
{
    ++m_generation;
    if (m_ready) {
        m_ready = false;
        emit closing();
    }
    m_links.clear();
    m_feed.reset();
    m_pending = 0;
}

bool SpaceAccess::has(Credential credential) const
{
    const auto it = m_links.find(credential);
    return it != m_links.end() && it->second.connected;
}

Credential SpaceAccess::roleFor(Use use)
{
    switch (use) {
    case Use::AclWrite:
    case Use::ChannelWrite:
    case Use::SpaceSetup:
        return Credential::Provisioner;
    case Use::DeliveryState:
    case Use::AclRead:
    case Use::Daemon:
        break;
    }
    return Credential::Delivery;
}

Credential SpaceAccess::credentialFor(Use use) const
{
    const Credential role = roleFor(use);
    return has(role) ? role : Credential::View;
}

std::optional<nats::JetStream> SpaceAccess::jetStream(Credential credential) const
{
    if (!m_ready || !has(credential))
        return std::nullopt;
    return nats::JetStream(m_links.at(credential).connection.get());
}

std::optional<nats::JetStream> SpaceAccess::jetStreamFor(Use use) const
{
    return jetStream(credentialFor(use));
}

nats::ConnectionOptions SpaceAccess::connectionFor(Use use) const
{
    const auto it = m_links.find(credentialFor(use));
    return it == m_links.end() ? nats::ConnectionOptions{} : it->second.options;
}

wire::Grants SpaceAccess::grants(Credential credential) const
{
    const auto it = m_links.find(credential);
    return it == m_links.end() ? wire::Grants::unrestricted() : it->second.grants;
}

namespace {

template<typename Registry>
std::unique_ptr<Registry> registryOn(const std::optional<nats::JetStream> &js,
                                     const QString &bucket)
{
    return js ? std::make_unique<Registry>(nats::KeyValue(*js, bucket)) : nullptr;
}

} // namespace

std::unique_ptr<AclRegistry> SpaceAccess::aclRegistry(Use use) const
{
    return registryOn<AclRegistry>(jetStreamFor(use), wire::aclBucket(m_space));
}

std::unique_ptr<ChannelRegistry> SpaceAccess::channelRegistry(const QString &space) const
{
    return registryOn<ChannelRegistry>(jetStreamFor(Use::ChannelWrite),
                                       wire::channelsBucket(space.isEmpty() ? m_space : space));
}

bool SpaceAccess::mayWriteChannels(const QString &space) const
{
    const QString bucket = wire::channelsBucket(space.isEmpty() ? m_space : space);
    // Channel names are free, so a grant scoped to some keys does not count: any key must do.
    return grants(credentialFor(Use::ChannelWrite))
        .mayPublish(QStringLiteral("$KV.%1.any-channel").arg(bucket));
}

std::unique_ptr<ChannelRegistry> SpaceAccess::channelListing(const QString &space) const
{
    // The provisioner may write and get channel entries but not watch them; admin and observer
    // may watch.
    const QString bucket = wire::channelsBucket(space.isEmpty() ? m_space : space);
    for (const Credential credential : {credentialFor(Use::ChannelWrite), Credential::View}) {
        if (mayWatch(credential, bucket))
            return registryOn<ChannelRegistry>(jetStream(credential), bucket);
    }
    return nullptr;
}

std::unique_ptr<DeliveryLease> SpaceAccess::deliveryLease() const
{
    return registryOn<DeliveryLease>(jetStreamFor(Use::DeliveryState),
                                     wire::deliveryBucket(m_space));
}

std::unique_ptr<MemberRegistry> SpaceAccess::memberRegistry() const
{
    return registryOn<MemberRegistry>(jetStreamFor(Use::DeliveryState),
                                      wire::membersBucket(m_space));
}

std::unique_ptr<MembershipFeedReader> SpaceAccess::membershipFeed() const
{
    return registryOn<MembershipFeedReader>(jetStream(Credential::View),
                                            wire::membershipBucket(m_space));
}

std::optional<ChannelStats> SpaceAccess::channelStats() const
{
    const std::optional<nats::JetStream> js = jetStream(Credential::View);
    if (!js)
        return std::nullopt;
    return ChannelStats(*js, m_space);
}

std::unique_ptr<ClusterMonitor> SpaceAccess::clusterMonitor() const
{
    const std::optional<nats::JetStream> js = jetStreamFor(Use::SpaceSetup);
    if (!js)
        return nullptr;
    return std::make_unique<ClusterMonitor>(*js, m_space, grants(credentialFor(Use::SpaceSetup)));
}

std::optional<SpaceProvisioner> SpaceAccess::provisioner(const QString &space) const
{
    const std::optional<nats::JetStream> js = jetStreamFor(Use::SpaceSetup);
    if (!js)
        return std::nullopt;
    return SpaceProvisioner(*js, space.isEmpty() ? m_space : space,
                            grants(credentialFor(Use::SpaceSetup)));
}

bool SpaceAccess::mayProvision(const QString &space) const
{
    return SpaceProvisioner::mayProvision(grants(credentialFor(Use::SpaceSetup)),
                                          space.isEmpty() ? m_space : space);
}

std::optional<SpaceDirectory> SpaceAccess::directory() const
{
    const std::optional<nats::JetStream> js = jetStream(Credential::View);
    if (!js || !mayListSpaces())
        return std::nullopt;
    return SpaceDirectory(*js);
}

bool SpaceAccess::mayCreateSpaces() const
{
    // Grants are subject patterns: a credential scoped to this space covers no other name, one
    // that may create streams at large covers any, so one other name tells which.
    return mayProvision(m_space + QStringLiteral("-other"));
}

bool SpaceAccess::mayListSpaces() const
{
    return grants(Credential::View).mayPublish(QStringLiteral("$JS.API.STREAM.NAMES"));
}

bool SpaceAccess::mayWatch(Credential credential, const QString &bucket) const
{
    const wire::Grants granted = grants(credential);
    const QString stream = QStringLiteral("KV_") + bucket;
    return granted.mayPublish(
               QStringLiteral("$JS.API.CONSUMER.CREATE.%1.watch.$KV.%2.key").arg(stream, bucket)) &&
           granted.mayPublish(QStringLiteral("$JS.API.STREAM.MSG.GET.") + stream);
}

bool SpaceAccess::mayGet(Credential credential, const QString &bucket) const
{
    return grants(credential).mayPublish(QStringLiteral("$JS.API.STREAM.MSG.GET.KV_") + bucket);
}

QString SpaceAccess::deniedRead(Use use, const QString &bucket) const
{
    const Credential used = credentialFor(use);
    if (used != Credential::View || has(roleFor(use)))
        return Text::tr("the %1 credential may not read %2").arg(credentialName(used), bucket);
    return Text::tr("the %1 credential may not read %2 — add a %3 credential to this connection")
        .arg(credentialName(used), bucket, roleName(roleFor(use)));
}

QString SpaceAccess::roleName(Credential credential)
{
    switch (credential) {
    case Credential::Provisioner:
        return QStringLiteral("provisioner");
    case Credential::Delivery:
        return QStringLiteral("delivery");
    case Credential::View:
        break;
    }
    return QStringLiteral("view");
}

QString SpaceAccess::credentialName(Credential credential) const
{
    if (credential != Credential::View)
        return roleName(credential);
    const auto it = m_links.find(Credential::View);
    const bool authMode = it != m_links.end() && (!it->second.options.credsFile.isEmpty() ||
                                                  !it->second.options.credsText.isEmpty() ||
                                                  !it->second.options.nkeySeedFile.isEmpty());
    if (!m_viewProfile.isEmpty())
        return m_viewProfile;
    return authMode ? Text::tr("view") : Text::tr("open mesh");
}

QString SpaceAccess::describe() const
{
    QStringList names;
    for (const auto &[credential, link] : m_links) {
        if (link.connected)
            names.append(credentialName(credential));
    }
    return names.join(QStringLiteral(" · "));
}

} // namespace cotal::space
