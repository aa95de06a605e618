// access_bench: the access view for a large space, built the way the Access tab builds it —
// AccessMatrix::build over 500 agents × 200 channels (read ACLs with concrete and wildcard
// patterns, live sets from the membership feed, durable members), the model reset, the filter
// proxy and a full paint of the table (offscreen). Prints min / median / max of the runs beside
// the 200 ms budget (issue 17).
#include "core/space/accessmatrix.h"
#include "ui/accessfilterproxy.h"
#include "ui/accessmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTableView>
#include <algorithm>
#include <cstdio>

using namespace cotal;

namespace {

constexpr int kAgents = 500;
constexpr int kChannels = 200;
constexpr int kRuns = 7;
constexpr double kBudgetMs = 200;

space::AccessInput largeSpace()
{
    space::AccessInput input;
    input.now = double(QDateTime::currentMSecsSinceEpoch());
    // Channels in 20 teams of 10: team07.ch3 and so on.
    for (int channel = 0; channel < kChannels; ++channel)
        input.channels.append(QStringLiteral("team%1.ch%2")
                                  .arg(channel / 10, 2, 10, QLatin1Char('0'))
                                  .arg(channel % 10));
    for (int agent = 0; agent < kAgents; ++agent) {
        const QString id = QStringLiteral("UAGENT%1").arg(agent, 4, 10, QLatin1Char('0'));
        const int team = agent % 20;
        input.agents.append({id, QStringLiteral("agent-%1").arg(agent),
                             QStringLiteral("role%1").arg(agent % 5), input.now});
        wire::AclRecord acl;
        acl.allowSubscribe = {
            QStringLiteral("team%1.>").arg(team, 2, 10, QLatin1Char('0')),
            QStringLiteral("team%1.ch1").arg((team + 1) % 20, 2, 10, QLatin1Char('0')),
            QStringLiteral("*.ch9")};
        acl.updatedAt = input.now;
        if (agent % 50 != 0) // every fiftieth agent has no record
            input.acls.insert(id, acl);
        input.live.insert(
            id, {QStringLiteral("team%1.>").arg(team, 2, 10, QLatin1Char('0')),
                 QStringLiteral("team%1.ch2").arg((team + 3) % 20, 2, 10, QLatin1Char('0'))});
        for (int k = 0; k < 2; ++k) {
            space::MemberEntry member;
            member.record.channel =
                QStringLiteral("team%1.ch%2").arg(team, 2, 10, QLatin1Char('0')).arg(k);
            member.record.owner = id;
            member.record.activated = true;
            member.record.updatedAt = input.now;
            input.members.append(member);
        }
    }
    return input;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const space::AccessInput input = largeSpace();
    ui::AccessModel model;
    ui::AccessFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.resize(1280, 800);
    view.show();

    QList<double> build;
    QList<double> total;
    space::AccessMatrix::Counts counts;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer clock;
        clock.start();
        space::AccessMatrix matrix = space::AccessMatrix::build(input);
        build.append(double(clock.nsecsElapsed()) / 1e6);
        counts = matrix.counts;
        model.setMatrix(std::move(matrix));
        view.resizeColumnToContents(0);
        view.grab(); // lays out and paints what the window shows
        total.append(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(build.begin(), build.end());
    std::sort(total.begin(), total.end());
    std::printf("access view, %d agents x %d channels (%lld cells), %d runs\n", kAgents,
                int(model.columnCount() - 1), qint64(model.rowCount()) * (model.columnCount() - 1),
                kRuns);
    std::printf("  matrix build      min %.1f  median %.1f  max %.1f ms\n", build.first(),
                build.at(kRuns / 2), build.last());
    std::printf(
        "  build+model+paint min %.1f  median %.1f  max %.1f ms   budget %.0f ms  (%.0f %% of "
        "budget at the median)\n",
        total.first(), total.at(kRuns / 2), total.last(), kBudgetMs,
        100.0 * total.at(kRuns / 2) / kBudgetMs);
    std::printf("  drift found: %d live uncovered, %d durable uncovered, %d stale, %d no record\n",
                counts.liveUncovered, counts.durableUncovered, counts.staleAcl, counts.noRecord);
    return total.at(kRuns / 2) <= kBudgetMs ? 0 : 1;
}
