#include "app/headlessprovision.h"

#include "core/nats/jetstream.h"
#include "core/nats/natsconnection.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <cstdio>

namespace cotal::app {

namespace {

void report(const QString &text)
{
    const QByteArray line = QStringLiteral("cotal-provision: %1\n").arg(text).toLocal8Bit();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

int reportResult(const space::ProvisionResult &result, int replicas)
{
    for (const QString &stream : result.created)
        report(QStringLiteral("created %1 (%2 replica(s))").arg(stream).arg(replicas));
    for (const QString &stream : result.existing)
        report(QStringLiteral("already there: %1").arg(stream));
    for (const space::StreamMismatch &mismatch : result.mismatched) {
        report(QStringLiteral("left as it is, its config differs: %1 (%2)")
                   .arg(mismatch.stream, mismatch.differences.join(QStringLiteral("; "))));
    }
    if (result.defaultsWritten)
        report(QStringLiteral("wrote the space's default delivery class"));
    if (!result.ok()) {
        report(QStringLiteral("not usable: %1").arg(result.error.describe()));
        return 1;
    }
    return 0;
}

} // namespace

int provisionSpace(const ProvisionRequest &request, int timeoutMs)
{
    nats::NatsConnection connection;
    nats::JetStream jetStream(&connection);
    QEventLoop loop;
    int exitCode = 1;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        report(
            QStringLiteral("no answer within %1 s; nothing more is tried").arg(timeoutMs / 1000));
        loop.exit();
    });
    deadline.start(timeoutMs);

    connection.open(request.connection).then(&loop, [&](const nats::NatsError &opened) {
        if (opened.isError()) {
            report(QStringLiteral("cannot connect: %1").arg(opened.describe()));
            loop.exit();
            return;
        }
        space::SpaceProvisioner provisioner(jetStream, request.space);
        provisioner.setReplicas(request.replicas);
        provisioner.provision(request.defaultClass)
            .then(&loop, [&](const space::ProvisionResult &result) {
                exitCode = reportResult(result, request.replicas);
                loop.exit();
            });
    });
    loop.exec();
    connection.close();
    return exitCode;
}

} // namespace cotal::app
