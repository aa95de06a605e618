#include "tests/support/natsserverprocess.h"

#include <QCoreApplication>

#include <cstdio>

// Starts a nats-server through the harness, prints "<server pid> <port>" and blocks until killed.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    cotal::testing::NatsServerProcess server;
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("%lld %u\n", static_cast<long long>(server.pid()), server.port());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
