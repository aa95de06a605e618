#include "core/delivery/connzsweep.h"

#include "core/nats/natsconnection.h"
#include "core/wire/subjects.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QTimer>
#include <QUuid>

namespace cotal::delivery {

bool ConnzPage::hasMore() const
{
    return connections >= ConnzSweep::kPageSize && offset + connections < total;
}

std::optional<ConnzPage> applyConnzReply(const QByteArray &reply, const QString &space,
                                         const QString &self, ConnzSweepResult &result,
                                         QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<ConnzPage> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(reply, &parse);
    if (!document.isObject())
        return fail(QStringLiteral("a CONNZ reply is not JSON: %1").arg(parse.errorString()));
    const QJsonObject body = document.object();
    if (body.contains(QLatin1String("error"))) {
        const QJsonObject apiError = body.value(QLatin1String("error")).toObject();
        return fail(QStringLiteral("CONNZ refused: %1 (%2)")
                        .arg(apiError.value(QLatin1String("description")).toString())
                        .arg(apiError.value(QLatin1String("code")).toInt()));
    }
    const QJsonValue dataValue = body.value(QLatin1String("data"));
    if (!dataValue.isObject())
        return fail(QStringLiteral("a CONNZ reply has no data object"));
    const QJsonObject data = dataValue.toObject();
    const QJsonArray connections = data.value(QLatin1String("connections")).toArray();
    for (const QJsonValue &connectionValue : connections) {
        const QJsonObject connection = connectionValue.toObject();
        const QString user = connection.value(QLatin1String("authorized_user")).toString();
        if (user.isEmpty())
            continue;
        if (user == self)
            result.sawSelf = true;
        QSet<QString> &channels = result.live[user];
        for (const QJsonValue &subscription :
             connection.value(QLatin1String("subscriptions_list")).toArray()) {
            if (const auto channel =
                    wire::channelFromChatSubscription(space, subscription.toString()))
                channels.insert(*channel);
        }
    }
    ++result.replies;
    ConnzPage page;
    page.offset = data.value(QLatin1String("offset")).toInteger();
    page.total = data.value(QLatin1String("total")).toInteger();
    page.connections = int(connections.size());
    return page;
}

class ConnzSweep::Private
{
public:
    nats::NatsConnection *observer;
    QString requestSubject;
    QString space;
    QString self;
    QTimer quiet;
    QTimer page;
    std::unique_ptr<nats::Subscription> subscription;
    std::shared_ptr<QPromise<ConnzSweepResult>> promise;
    ConnzSweepResult result;
    int pageIndex = 0;
    int pageReplies = 0;
    bool pageHasMore = false;
    // Every $SYS observer may subscribe under _INBOX.cotal-membership: a writer of another
    // space or deployment must not take this sweep's replies for its own.
    QString instance = QUuid::createUuid().toString(QUuid::Id128);
    quint64 counter = 0;
};

ConnzSweep::ConnzSweep(nats::NatsConnection *observer, QString dataAccount, QString space,
                       QString self, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->observer = observer;
    d->requestSubject = QStringLiteral("$SYS.REQ.ACCOUNT.%1.CONNZ").arg(dataAccount);
    d->space = std::move(space);
    d->self = std::move(self);
    d->quiet.setSingleShot(true);
    d->page.setSingleShot(true);
    connect(&d->quiet, &QTimer::timeout, this, &ConnzSweep::finishPage);
    connect(&d->page, &QTimer::timeout, this, &ConnzSweep::finishPage);
}

ConnzSweep::~ConnzSweep()
{
    if (d->promise) {
        d->result.problem = QStringLiteral("the sweep was stopped");
        finish();
    }
}

QFuture<ConnzSweepResult> ConnzSweep::run()
{
    if (d->promise)
        return d->promise->future();
    d->promise = std::make_shared<QPromise<ConnzSweepResult>>();
    d->promise->start();
    d->result = {};
    d->pageIndex = 0;
    QFuture<ConnzSweepResult> future = d->promise->future();
    requestPage();
    return future;
}

void ConnzSweep::requestPage()
{
    d->pageReplies = 0;
    d->pageHasMore = false;
    // The observer may subscribe only under this prefix (delivery.md §1.2).
    const QString reply =
        QStringLiteral("_INBOX.cotal-membership.%1.%2").arg(d->instance).arg(++d->counter);
    d->subscription =
        d->observer->subscribe(reply, this, [this](const QList<nats::NatsMessage> &messages) {
            for (const nats::NatsMessage &message : messages) {
                QString error;
                const std::optional<ConnzPage> page =
                    applyConnzReply(message.data, d->space, d->self, d->result, &error);
                if (!page) {
                    d->result.problem = error;
                    continue;
                }
                ++d->pageReplies;
                d->pageHasMore = d->pageHasMore || page->hasMore();
            }
            d->quiet.start(kQuietMs);
        });
    if (!d->subscription) {
        d->result.problem = QStringLiteral("cannot subscribe the CONNZ reply subject");
        return finish();
    }
    const QByteArray body = QStringLiteral(R"({"subscriptions":true,"auth":true,"offset":%1,)"
                                           R"("limit":%2})")
                                .arg(d->pageIndex * kPageSize)
                                .arg(kPageSize)
                                .toUtf8();
    const nats::NatsError sent = d->observer->publish(d->requestSubject, body, {}, reply);
    if (sent.isError()) {
        d->result.problem = QStringLiteral("cannot ask for CONNZ: %1").arg(sent.describe());
        return finish();
    }
    d->quiet.start(kQuietMs);
    d->page.start(kPageMs);
}

void ConnzSweep::finishPage()
{
    d->quiet.stop();
    d->page.stop();
    d->subscription.reset();
    if (d->pageIndex == 0)
        d->result.serversOnFirstPage = d->pageReplies;
    if (d->pageReplies == 0) {
        if (d->result.problem.isEmpty())
            d->result.problem =
                d->pageIndex == 0
                    ? QStringLiteral("no CONNZ reply: broker unreachable or the "
                                     "membership-observer credential denied")
                    : QStringLiteral("no reply to CONNZ page %1").arg(d->pageIndex + 1);
        return finish();
    }
    if (!d->pageHasMore) {
        d->result.exhausted = true;
        return finish();
    }
    if (++d->pageIndex >= kMaxPages) {
        d->result.problem = QStringLiteral("%1 CONNZ pages were not enough: the feed "
                                           "under-reports")
                                .arg(kMaxPages);
        return finish();
    }
    requestPage();
}

void ConnzSweep::finish()
{
    d->quiet.stop();
    d->page.stop();
    d->subscription.reset();
    if (d->result.problem.isEmpty() && d->result.exhausted && !d->result.sawSelf)
        d->result.problem = QStringLiteral("the feed writer's own connection was not listed");
    const std::shared_ptr<QPromise<ConnzSweepResult>> promise = std::move(d->promise);
    if (!promise)
        return;
    promise->addResult(d->result);
    promise->finish();
}

} // namespace cotal::delivery
