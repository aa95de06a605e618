#pragma once

#include "core/nats/jetstream.h"
#include "core/wire/grants.h"

#include <QFuture>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cotal::space {

// A stream that already exists with a config other than the reference's.
struct StreamMismatch
{
    QString stream;
    // "<field>: expected <x>, found <y>", one per differing field.
    QStringList differences;
};

// What provisioning did, stream by stream; `error` is set when the space is not usable.
struct ProvisionResult
{
    QStringList created;              // streams and buckets that did not exist before
    QStringList existing;             // already there with the identical config
    QList<StreamMismatch> mismatched; // already there with a different config: left untouched
    bool defaultsWritten = false;
    nats::NatsError error; // the first failure, naming the stream
    bool ok() const { return !error.isError(); }
};

// What one of the space's 12 streams looks like on the server.
struct StreamPresence
{
    enum class State
    {
        Present,   // there, with the reference's config
        Missing,   // the server says it does not exist
        Different, // there, with another config (`differences`)
        Unchecked, // the lookup failed (`error`: denied, timed out, …): nothing is claimed
    };
    QString stream;
    State state = State::Unchecked;
    QStringList differences;
    nats::NatsError error;
};

// The 12 streams of a space as one lookup found them, in creation order.
struct SpaceInventory
{
    QList<StreamPresence> streams;
    QStringList named(StreamPresence::State state) const;
    bool complete() const { return named(StreamPresence::State::Present).size() == streams.size(); }
};

// Creates the 5 message streams and 7 KV buckets of a space with configs identical, field for
// field, to the reference's (storage.md §2–§3), then writes the space's default delivery class
// into `=defaults` unless one is set. Idempotent: an identical existing config is accepted, a
// different one is reported, never overwritten. Continuations run on the connection's thread.
class SpaceProvisioner final
{
public:
    enum class DefaultDeliveryClass
    {
        Live,    // open mesh without a delivery daemon
        Durable, // a delivery daemon serves the space
    };

    // `grants`: what the connection may do; a lookup they refuse is never sent (a denied
    // request costs a violation in the server's log) and reads as Unchecked.
    SpaceProvisioner(nats::JetStream jetStream, QString space,
                     wire::Grants grants = wire::Grants::unrestricted());

    // Streams are created with `replicas` copies (1, the reference's default; 3 on a 3-node
    // JetStream cluster). Nothing else in any config depends on it.
    void setReplicas(int replicas) { m_replicas = replicas; }
    int replicas() const { return m_replicas; }

    QFuture<ProvisionResult> provision(DefaultDeliveryClass defaultClass) const;
    // Looks every stream up (STREAM.INFO only: nothing is created).
    QFuture<SpaceInventory> inspect() const;
    // Whether `grants` may create every stream of `space` (auth mode: the provisioner profile).
    static bool mayProvision(const wire::Grants &grants, const QString &space);
    // The 12 streams of `space` in creation order (5 message streams, then the 7 buckets').
    static QStringList streamNames(const QString &space);

    // The exact STREAM.CREATE body the reference sends for each message stream; with
    // `replicas` > 1 the body gains `num_replicas` (the reference leaves the server's 1).
    static QByteArray chatStreamConfig(const QString &space, int replicas = 1);
    static QByteArray dmStreamConfig(const QString &space, int replicas = 1);
    static QByteArray taskStreamConfig(const QString &space, int replicas = 1);
    static QByteArray inboxStreamConfig(const QString &space, int replicas = 1);
    static QByteArray dlvStreamConfig(const QString &space, int replicas = 1);

    // The STREAM.INFO `.config` fields the server reports for a stream created from those bodies
    // (server defaults filled in); an existing stream must match every one of them. inspect()
    // accepts any `num_replicas`: how many copies a cluster keeps is the operator's choice.
    static QJsonObject expectedConfig(const QString &space, const QString &stream,
                                      int replicas = 1);
    // Fields of `expected` whose value differs in `actual` (fields only in `actual` are ignored,
    // so newer servers' additions do not count).
    static QStringList configDifferences(const QJsonObject &expected, const QJsonObject &actual);

private:
    nats::JetStream m_jetStream;
    QString m_space;
    wire::Grants m_grants;
    int m_replicas = 1;
};

} // namespace cotal::space
