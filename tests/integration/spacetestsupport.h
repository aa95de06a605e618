#pragma once

#include "core/nats/jetstream.h"
#include "core/nats/keyvalue.h"
#include "core/nats/natsconnection.h"
#include "tests/support/natsserverprocess.h"

#include <QAtomicInt>
#include <QFile>
#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <memory>

namespace cotal::testing {

inline constexpr int kSpaceWaitMs = 30000;

// Spins the event loop until the future is finished with a result.
template<typename T> bool finishedWithResult(const QFuture<T> &future)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, kSpaceWaitMs) &&
           !future.isCanceled() && future.resultCount() > 0;
}

// `AWAIT(name, future)` declares `name` as the future's result, failing the test on a hang.
#define AWAIT(name, expression)                                                                    \
    auto name##Future = (expression);                                                              \
    QVERIFY2(cotal::testing::finishedWithResult(name##Future),                                     \
             "future did not finish: " #expression);                                               \
    const auto name = name##Future.result()

#define VERIFY_NATS_OK(result)                                                                     \
    QVERIFY2(!(result).error.isError(), qPrintable((result).error.describe()))

// One server and one connection for a whole test case; `freshSpace()` gives each test function
// its own space so tests never see each other's streams.
class SpaceTestServer final
{
public:
    bool start(QString *error)
    {
        if (!m_server.start(error))
            return false;
        m_connection = openConnection(QStringLiteral("UTESTSPACE"), error);
        if (!m_connection)
            return false;
        m_jetStream = std::make_unique<nats::JetStream>(m_connection.get());
        return true;
    }

    // A second, independent connection (another writer, another daemon).
    std::unique_ptr<nats::NatsConnection> openConnection(const QString &inboxId, QString *error)
    {
        auto connection = std::make_unique<nats::NatsConnection>();
        nats::ConnectionOptions options;
        options.servers = {m_server.url()};
        options.name = QStringLiteral("tst_space");
        options.inboxId = inboxId;
        const QFuture<nats::NatsError> opened = connection->open(options);
        if (!QTest::qWaitFor([&] { return opened.isFinished(); }, kSpaceWaitMs) ||
            opened.resultCount() == 0) {
            *error = QStringLiteral("open did not finish");
            return nullptr;
        }
        if (opened.result().isError()) {
            *error = opened.result().describe();
            return nullptr;
        }
        return connection;
    }

    void stop()
    {
        if (m_connection)
            m_connection->close();
    }

    nats::NatsConnection *connection() const { return m_connection.get(); }
    const nats::JetStream &jetStream() const { return *m_jetStream; }
    NatsServerProcess &server() { return m_server; }

    static QString freshSpace(const QString &prefix)
    {
        static QAtomicInt counter;
        return QStringLiteral("%1%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
    }

private:
    NatsServerProcess m_server;
    std::unique_ptr<nats::NatsConnection> m_connection;
    std::unique_ptr<nats::JetStream> m_jetStream;
};

// A fixture file under COTAL_PROTOCOL_DIR/fixtures, parsed.
inline QJsonObject fixture(const QString &name)
{
    QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The exact payload bytes of a single-record fixture.
inline QByteArray fixtureRaw(const QString &name)
{
    return fixture(name).value(QStringLiteral("raw")).toString().toUtf8();
}

} // namespace cotal::testing
