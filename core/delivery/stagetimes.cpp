#include "core/delivery/stagetimes.h"

#include <QStringList>

namespace cotal::delivery {

namespace {

QString seconds(qint64 ns)
{
    return QStringLiteral("%1 s").arg(double(ns) / 1e9, 0, 'f', 2);
}

// "<what> <items> × <mean>": the mean in the unit that keeps it readable.
QString perItem(const char *what, const StageTime &stage)
{
    if (stage.items == 0)
        return QStringLiteral("%1 none").arg(QLatin1String(what));
    const double meanNs = double(stage.nanoseconds) / double(stage.items);
    const QString mean = meanNs >= 1e6 ? QStringLiteral("%1 ms").arg(meanNs / 1e6, 0, 'f', 2)
                                       : QStringLiteral("%1 µs").arg(meanNs / 1e3, 0, 'f', 2);
    return QStringLiteral("%1 %2 × %3 = %4")
        .arg(QLatin1String(what))
        .arg(stage.items)
        .arg(mean, seconds(stage.nanoseconds));
}

} // namespace

QString DeliveryStages::summary(qint64 runNanoseconds) const
{
    const QStringList fanout = {
        perItem("idle", fanoutIdle),
        perItem("decode", fanoutDecode),
        perItem("class reads", fanoutClassRead),
        perItem("route", fanoutRoute),
        perItem("window full", fanoutWindowFull),
        perItem("store", fanoutStore),
    };
    const QStringList reader = {
        perItem("idle", readerIdle),
        perItem("decode", readerDecode),
        perItem("authorise reads", readerAuthorise),
        perItem("decide", readerDecide),
        perItem("window full", readerWindowFull),
        perItem("store", readerStore),
    };
    return QStringLiteral("stages over %1: fan-out: %2; reader: %3; %4")
        .arg(seconds(runNanoseconds), fanout.join(QStringLiteral(", ")),
             reader.join(QStringLiteral(", ")), perItem("acks", acks));
}

} // namespace cotal::delivery
