#pragma once

#include "core/nats/connectionoptions.h"
#include "core/nats/jetstream.h"
#include "core/nats/natsconnection.h"
#include "core/space/aclregistry.h"
#include "core/space/channelregistry.h"
#include "core/space/channelstats.h"
#include "core/space/clustermonitor.h"
#include "core/space/deliverylease.h"
#include "core/space/memberregistry.h"
#include "core/space/membershipfeedreader.h"
#include "core/space/spacedirectory.h"
#include "core/space/spaceprovisioner.h"
#include "core/wire/grants.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <map>
#include <memory>
#include <optional>

namespace cotal::space {

// The credentials one connection profile holds (endpoint.md §11): a view credential (agent,
// observer or admin) and optional role credentials, each used only for what its profile may do.
enum class Credential
{
    View,
    Provisioner, // ACL and channel-config edits, creating the space's streams
    Delivery,    // the in-process daemon, the lease, the members bucket, ACL reads
};

// What a pane needs a connection for; credentialFor() maps it to the credential that serves it.
enum class Use
{
    DeliveryState, // lease, members (read)
    AclRead,       // the ACL bucket's watch and history
    AclWrite,      // ACL create / compare-and-set / delete
    ChannelWrite,  // channel-registry edits
    Daemon,        // the in-process delivery daemon and lease force-release
    SpaceSetup,    // looking up and creating the space's streams and buckets
};

// One credential: how to connect with it and what its JWT grants.
struct CredentialLink
{
    nats::ConnectionOptions options;
    wire::Grants grants;
};

// The membership feed's credentials (delivery.md §1.2), handed to the in-process daemon only:
// no pane connects with them.
struct FeedCredentials
{
    nats::ConnectionOptions observer; // system account
    nats::ConnectionOptions writer;   // data account; inbox id: the creds' public key
};

struct SpaceCredentials
{
    CredentialLink view; // as the endpoint uses it; the inbox id is set at open()
    QString viewProfile; // the view creds' JWT name ("admin"), empty without creds
    std::map<Credential, CredentialLink> roles; // inbox id: the creds' public key
    std::optional<FeedCredentials> membershipFeed;
};

// Owns the admin panes' connections to one space: one for the view credential (beside the
// endpoint's, whose lifetime a rebuild ends) and one per role credential. Lives on the GUI
// thread; cnats never blocks it. JetStream handles are valid between ready() and closing().
class SpaceAccess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceAccess)

public:
    explicit SpaceAccess(QObject *parent = nullptr);
    ~SpaceAccess() override;

    // Connects every credential of `credentials`; the view connection replies under
    // "_INBOX_<viewId>". ready() follows once all have answered (failures are reported).
    void open(const QString &space, const QString &viewId, SpaceCredentials credentials);
    void close();

    bool isReady() const { return m_ready; }
    QString space() const { return m_space; }
    bool has(Credential credential) const;
    // The role credential for `use` when this profile has it and it connected, else the view.
    Credential credentialFor(Use use) const;
    std::optional<nats::JetStream> jetStream(Credential credential) const;
    std::optional<nats::JetStream> jetStreamFor(Use use) const;
    // The options a connection of `use` opens with (the daemon's own connections).
    nats::ConnectionOptions connectionFor(Use use) const;
    // What the in-process daemon writes the membership feed with; none: the feed is off.
    std::optional<FeedCredentials> membershipFeedCredentials() const { return m_feed; }
    wire::Grants grants(Credential credential) const;
    // Whether `credential` may read `bucket` at all: a watch (consumer create) and a get.
    bool mayWatch(Credential credential, const QString &bucket) const;
    // Whether it may read single keys (the delivery profile may get the lease, not watch it).
    bool mayGet(Credential credential, const QString &bucket) const;
    // The space's registries and readers, each over the credential that serves its use; null
    // before ready(). Panes build nothing on a connection of their own.
    std::unique_ptr<AclRegistry> aclRegistry(Use use) const; // AclRead or AclWrite
    // ChannelWrite; `space` default: this one (New space… configures another space's channels).
    std::unique_ptr<ChannelRegistry> channelRegistry(const QString &space = {}) const;
    std::unique_ptr<DeliveryLease> deliveryLease() const;         // DeliveryState
    std::unique_ptr<MemberRegistry> memberRegistry() const;       // DeliveryState
    std::unique_ptr<MembershipFeedReader> membershipFeed() const; // the view credential
    std::optional<ChannelStats> channelStats() const;             // the view credential
    // Where the space's streams live (replicas, leaders, lag), polled over the credential of
    // Use::SpaceSetup (the provisioner may look every stream up); not started.
    std::unique_ptr<ClusterMonitor> clusterMonitor() const;

    // A provisioner for `space` (default: this one) over the credential of Use::SpaceSetup,
    // once ready.
    std::optional<SpaceProvisioner> provisioner(const QString &space = {}) const;
    // Whether that credential may create every stream of `space` and write its `=defaults`.
    bool mayProvision(const QString &space = {}) const;
    // The server's spaces, read over the view connection when its grants may list streams
    // (the open mesh; no reference profile may).
    std::optional<SpaceDirectory> directory() const;
    bool mayListSpaces() const;
    // Whether the ChannelWrite credential may write `space`'s channel entries.
    bool mayWriteChannels(const QString &space = {}) const;
    // A registry that lists `space`'s channels (a watch): over the ChannelWrite credential when
    // it may watch the bucket, else over the view credential when that may; null when neither.
    std::unique_ptr<ChannelRegistry> channelListing(const QString &space = {}) const;
    // Whether the Use::SpaceSetup credential may provision spaces other than this one.
    bool mayCreateSpaces() const;

    // The sentence a pane shows for a read `use` that its credential may not make, e.g. "the
    // admin credential may not read cotal_delivery_demo — add a delivery credential to this
    // connection".
    QString deniedRead(Use use, const QString &bucket) const;

    // What the credential is called to a user: the view creds' profile ("admin"), "open mesh"
    // without creds, or the role ("provisioner").
    QString credentialName(Credential credential) const;
    // The credentials in use, e.g. "admin · provisioner · delivery".
    QString describe() const;
    // The role credential that would serve `use`, for "needs a … credential" texts.
    static Credential roleFor(Use use);
    static QString roleName(Credential credential);

signals:
    void ready();
    void closing();
    void errorReported(const QString &message);

private:
    struct Link
    {
        nats::ConnectionOptions options;
        wire::Grants grants;
        std::unique_ptr<nats::NatsConnection> connection;
        bool connected = false;
    };

    void finishOpen();

    QString m_space;
    QString m_viewProfile;
    std::map<Credential, Link> m_links;
    std::optional<FeedCredentials> m_feed;
    int m_pending = 0;
    bool m_ready = false;
    quint64 m_generation = 0;
};

} // namespace cotal::space
