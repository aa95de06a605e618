// Renders the console on its embedded operator-mode demo into docs/demo.png: the mesh with its
// six agents, the console entered as the demo enters it, after the agents have talked a while.
//
// Usage: demo_screenshot <output png> [seconds] [action]   (QT_QPA_PLATFORM=offscreen)
// `action` is the object name of a window action to trigger before the picture, e.g.
// actionAccess for the access view.

#include "core/local/localmesh.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace cotal;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fputs("usage: demo_screenshot <output png> [seconds] [action]\n", stderr);
        return 2;
    }
    QTemporaryDir state;
    local::LocalMesh::Options meshOptions;
    meshOptions.stateDir = state.path();
    meshOptions.agentPaceMs = 1200;
    local::LocalMesh mesh(meshOptions);
    ui::MainWindow::Options windowOptions;
    windowOptions.settingsFile = state.filePath(QStringLiteral("console.ini"));
    ui::MainWindow window(windowOptions);
    window.resize(1600, 1000);
    window.show();

    QSignalSpy ready(&mesh, &local::LocalMesh::ready);
    mesh.start();
    if (!ready.wait(60000)) {
        std::fputs("the demo mesh did not start\n", stderr);
        return 1;
    }
    window.enterDemo(mesh);
    QTest::qWait(args.value(2, QStringLiteral("15")).toInt() * 1000);
    if (args.size() > 3) {
        auto *action = window.findChild<QAction *>(args.at(3));
        if (!action) {
            std::fprintf(stderr, "no action %s\n", qPrintable(args.at(3)));
            return 1;
        }
        action->trigger();
        QTest::qWait(1000);
    }
    if (!window.grab().save(args.at(1))) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(1)));
        return 1;
    }
    return 0;
}
