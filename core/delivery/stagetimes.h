#pragma once

#include <QString>
#include <QtGlobal>
#include <chrono>

namespace cotal::delivery {

// Where a copy's time goes inside the daemon, stage by stage: each stage sums the wall time it
// took and the items it handled. Cheap enough to stay on (two clock reads per measured span);
// the daemon logs the summary when it stops, and the delivery bench prints it beside its figures.
struct StageTime
{
    quint64 items = 0;
    qint64 nanoseconds = 0;

    void add(qint64 ns, quint64 count = 1)
    {
        nanoseconds += ns;
        items += count;
    }
};

inline qint64 stageNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Adds the span of a scope to a stage.
class StageScope
{
    Q_DISABLE_COPY_MOVE(StageScope)

public:
    explicit StageScope(StageTime &stage, quint64 items = 1)
        : m_stage(stage)
        , m_items(items)
        , m_start(stageNow())
    {}
    ~StageScope() { m_stage.add(stageNow() - m_start, m_items); }

private:
    StageTime &m_stage;
    quint64 m_items;
    qint64 m_start;
};

// A condition's time on: the spans between set(true) and the next set(false) add to a stage, one
// item per span (how often the window filled, how long the loop sat idle).
class StageSpan
{
public:
    void set(bool on, StageTime &stage)
    {
        if (on && m_since == 0) {
            m_since = stageNow();
        } else if (!on && m_since != 0) {
            stage.add(stageNow() - m_since);
            m_since = 0;
        }
    }

private:
    qint64 m_since = 0;
};

struct DeliveryStages
{
    // Fan-out writer: CHAT -> mixed inbox.
    StageTime fanoutIdle;       // nothing pulled, routed or in flight: waiting for CHAT
    StageTime fanoutDecode;     // CHAT messages checked and parsed
    StageTime fanoutClassRead;  // a routing round's fresh class and member reads (wall time)
    StageTime fanoutRoute;      // rounds routed into copies
    StageTime fanoutWindowFull; // copies waiting while every publish slot was in flight
    StageTime fanoutStore;      // copy published until its PubAck (overlapping, per copy)
    // Trusted reader: mixed inbox -> DLV.
    StageTime readerIdle;
    StageTime readerDecode;    // entries parsed
    StageTime readerAuthorise; // a round's fresh ACL and member reads (wall time)
    StageTime readerDecide;    // rounds decided
    StageTime readerWindowFull;
    StageTime readerStore; // transfer published until its PubAck (overlapping, per copy)
    StageTime acks;        // acks of fanned-out CHAT messages and delivered entries

    // One line, each stage as "decode <items> × <mean> = <total>", fan-out first, then reader.
    QString summary(qint64 runNanoseconds) const;
};

} // namespace cotal::delivery
