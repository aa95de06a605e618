#pragma once

#include "core/nats/connectionoptions.h"
#include "core/wire/presence.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace cotal::endpoint {

// How one Endpoint behaves (endpoint.md §1). The defaults are the reference's "agent" profile;
// the presets below are the other shapes the console runs.
struct EndpointOptions
{
    nats::ConnectionOptions connection;
    QString space = QStringLiteral("main");
    // card.id empty: derived from the creds (auth mode) or a random UUID (open mode). An explicit
    // id that differs from the creds' is refused before anything is published (wire.md §1).
    wire::AgentCard card;
    // Boot read set (wildcards allowed); the first concrete entry is the default publish target.
    QStringList channels{QStringLiteral("general")};

    bool registerPresence = true; // publish own presence record (heartbeat)
    bool watchPresence = true;    // keep a roster from the presence watch + sweep
    bool watchChannels = true;    // keep a channel-registry cache (needs watchPresence)
    bool consume = true;          // bind dm_/dlv_/svc_ consumers and open chat subscriptions
    // The console's all-activity tap: `cotal.<S>.chat.>` always; `cotal.<S>.>` (DMs, anycast,
    // control, Plane-3) when the credential allows it, else a "DMs hidden" state.
    bool observeAll = false;

    int heartbeatMs = 2000;
    int ttlMs = 6000;
    int ackWaitMs = 60000;             // consumers this endpoint creates itself (open mode)
    int inactiveThresholdMs = 600000;  // open-mode dm_<id> self-create
    int rebuildRetryMs = 3000;         // between full rebuild attempts after a terminal close
    int reconcileMaxBackoffMs = 30000; // boot self-join reconcile cap (1 s doubling)

    // Initial per-channel attention mirrored into presence (concrete channel → mode).
    QMap<QString, wire::ChannelMode> channelModes;

    // Auth mode = the connection carries creds (JWT + nkey); everything else is the open mesh.
    bool isAuthMode() const
    {
        return !connection.credsFile.isEmpty() || !connection.credsText.isEmpty();
    }

    // Reference "agent": all defaults.
    static EndpointOptions agent(nats::ConnectionOptions connection, QString space,
                                 wire::AgentCard card, QStringList channels);
    // Reference "observer/dashboard": invisible (no presence), no consumers, roster kept.
    static EndpointOptions observer(nats::ConnectionOptions connection, QString space);
    // The console's admin view: an observer plus the all-activity tap.
    static EndpointOptions adminConsole(nats::ConnectionOptions connection, QString space);
};

} // namespace cotal::endpoint
