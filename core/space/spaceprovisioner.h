#pragma once

#include "core/nats/jetstream.h"

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

    SpaceProvisioner(nats::JetStream jetStream, QString space);

    QFuture<ProvisionResult> provision(DefaultDeliveryClass defaultClass) const;

    // The exact STREAM.CREATE body the reference sends for each message stream.
    static QByteArray chatStreamConfig(const QString &space);
    static QByteArray dmStreamConfig(const QString &space);
    static QByteArray taskStreamConfig(const QString &space);
    static QByteArray inboxStreamConfig(const QString &space);
    static QByteArray dlvStreamConfig(const QString &space);

    // The STREAM.INFO `.config` fields the server reports for a stream created from those bodies
    // (server defaults filled in); an existing stream must match every one of them.
    static QJsonObject expectedConfig(const QString &space, const QString &stream);
    // Fields of `expected` whose value differs in `actual` (fields only in `actual` are ignored,
    // so newer servers' additions do not count).
    static QStringList configDifferences(const QJsonObject &expected, const QJsonObject &actual);

private:
    nats::JetStream m_jetStream;
    QString m_space;
};

} // namespace cotal::space
