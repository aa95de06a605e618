#pragma once

#include "core/endpoint/endpointhost.h"

#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace cotal::local {

// A simulated agent for the out-of-the-box demo: a real Endpoint that posts on its channels, DMs
// peers, asks its role's pool for help, changes status and joins and leaves a durable channel now
// and then, so every pane of the console shows live data. With creds it is the agent of an
// auth-mode space and its id is the creds' public key; without, an open-mesh agent.
class DemoAgent final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoAgent)

public:
    struct Profile
    {
        QString name;
        QString role;
        QString harness; // meta.connector
        QString model;   // meta.model
        QStringList channels;
    };

    DemoAgent(Profile profile, QStringList servers, QString space, quint32 seed,
              QByteArray credsText = {}, QObject *parent = nullptr);

    // The channels it may post to: its own and the durable channel it joins now and then.
    static QStringList publishChannels(const Profile &profile);
    ~DemoAgent() override;

    const Profile &profile() const { return m_profile; }
    QString id() const { return m_id; }
    QFuture<nats::NatsError> start();
    // Peers it may DM; set once every agent has an id.
    void setPeers(QStringList peerIds);
    // Milliseconds between actions (jittered ±50 %).
    void setPace(int meanIntervalMs);

private:
    void act();
    void post();
    void directMessage();
    void askRole();
    void changeStatus();
    void toggleDurableChannel();
    QString phrase();

    Profile m_profile;
    QString m_id;
    QString m_space;
    std::unique_ptr<endpoint::EndpointHost> m_host;
    QStringList m_peers;
    QRandomGenerator m_random;
    QTimer m_timer;
    int m_meanIntervalMs = 2500;
    bool m_inDurableChannel = false;
};

} // namespace cotal::local
