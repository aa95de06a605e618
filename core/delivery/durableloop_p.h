#pragma once

#include "core/delivery/loopconsumer_p.h"
#include "core/delivery/publishlanes_p.h"
#include "core/delivery/sequencegaps.h"
#include "core/delivery/stagetimes.h"
#include "core/nats/jetstream.h"

#include <QFuture>
#include <QObject>
#include <memory>

namespace cotal::delivery {

struct DaemonContext;

// What the fan-out writer and the trusted reader share: their durable's pull consumer, the
// publisher of their copies, the gap tracker resumed at the durable's position, and the binding
// generation that stop() bumps so late completions of an old binding are ignored.
class DurableLoop
{
    Q_DISABLE_COPY_MOVE(DurableLoop)

public:
    virtual ~DurableLoop();

protected:
    explicit DurableLoop(DaemonContext *context);

    // Opens the durable (an existing one is kept), resumes the gap tracker at its position and
    // starts pulling into handle(). Continuations run on `owner`, the loop itself. With
    // `withBacklog` the durable's unfinished messages are read too and handed to bound().
    QFuture<nats::NatsError> bindDurable(QObject *owner, const QString &stream, const QString &name,
                                         const QString &filter, const QByteArray &config,
                                         bool withBacklog = false);

    // The durable is bound at `position`; nothing has been pulled by this binding yet.
    virtual void bound(const ConsumerPosition &position);

    // A join for a round's `reads` parallel reads: call it once per finished read; after the last
    // one (and only if the binding is still the same) the wait goes to `stage` and `done` runs.
    template<typename Done> auto joinReads(int reads, StageTime &stage, Done done)
    {
        return [this, remaining = std::make_shared<int>(reads), generation = m_generation,
                started = stageNow(), &stage, done = std::move(done)] {
            if (--*remaining > 0 || generation != m_generation)
                return;
            stage.add(stageNow() - started);
            done();
        };
    }

    virtual void handle(const QList<nats::JsMessage> &batch) = 0;
    // Sends what waits for the publish window.
    virtual void pump() = 0;

    DaemonContext *m_context;
    std::unique_ptr<nats::PullConsumer> m_consumer;
    std::unique_ptr<PublishLanes> m_publisher;
    SequenceGaps m_gaps;
    bool m_running = false;
    quint64 m_generation = 0;
    StageSpan m_idleSpan;
    StageSpan m_windowFullSpan;
};

} // namespace cotal::delivery
