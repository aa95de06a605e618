#include "app/headlessdelivery.h"
#include "core/local/localmesh.h"
#include "core/profile/profilestore.h"
#include "cotalversion.h"
#include "ui/consolestatusbar.h"
#include "ui/languagesettings.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QMessageBox>
#include <cstdio>
#include <cstdlib>

namespace {

// Qt aborts without a display; say how to get one instead.
bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

struct Options
{
    QCommandLineOption connect{
        QStringLiteral("connect"),
        QCoreApplication::translate("main",
                                    "Connect at start from a cotal:// or cotals:// join link."),
        QStringLiteral("link")};
    QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("main",
                                    "Start a local nats-server with a demo space, its delivery "
                                    "daemon and simulated agents, and connect to it (the default "
                                    "when no connection is saved). The space runs in "
                                    "operator/JWT mode with credentials minted for it.")};
    QCommandLineOption open{
        QStringLiteral("open"),
        QCoreApplication::translate("main", "With --demo: an open mesh, where nothing is "
                                            "enforced, instead of operator/JWT mode.")};
};

void configure(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Operator console for Cotal agent spaces.\n\nDelivery daemon without a GUI:\n"
                "  cotal-console --headless --deliver --space <space> [connection options]\n"
                "Creating a space's streams (3 copies on a 3-node cluster):\n"
                "  cotal-console --headless --provision --space <space> --replicas 3 [...]\n"
                "  (see cotal-console --headless --help)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.connect);
    parser.addOption(options.demo);
    parser.addOption(options.open);
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("cotal-console"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cotal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COTAL_VERSION_STRING));
}

// The embedded default: the console's own mesh, entered as soon as it is ready.
void openDemo(cotal::ui::MainWindow &window, cotal::local::LocalMesh &mesh)
{
    cotal::ui::ConsoleStatusBar *status = window.consoleStatusBar();
    QObject::connect(&mesh, &cotal::local::LocalMesh::progress, &window,
                     [status](const QString &step) { status->showMessage(step); });
    QObject::connect(&mesh, &cotal::local::LocalMesh::ready, &window, [&window, &mesh, status] {
        window.enterDemo(mesh);
        // The status bar's own labels now say where and with which credentials; the
        // start-up steps are done.
        status->clearMessage();
    });
    QObject::connect(
        &mesh, &cotal::local::LocalMesh::failed, &window, [&window](const QString &reason) {
            QMessageBox::warning(
                &window, QCoreApplication::translate("main", "Demo unavailable"),
                QCoreApplication::translate("main", "The local demo mesh could not start: %1\n\n"
                                                    "Connect to a server of your own instead.")
                    .arg(reason));
        });
    mesh.start();
}

} // namespace

int main(int argc, char *argv[])
{
    // The headless daemon never needs a display: decided before any QApplication exists.
    if (cotal::app::isHeadlessInvocation(argc, argv))
        return cotal::app::runHeadless(argc, argv);

    if (!hasDisplay()) {
        // --help and --version need no display.
        QCoreApplication core(argc, argv);
        setIdentity();
        cotal::ui::LanguageSettings::install();
        QCommandLineParser parser;
        const Options options;
        configure(parser, options);
        parser.process(core);
        std::fputs("cotal-console: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                   "Run it under a virtual display: xvfb-run -a cotal-console\n"
                   "or headless Qt: QT_QPA_PLATFORM=offscreen cotal-console\n",
                   stderr);
        return EXIT_FAILURE;
    }

    QApplication app(argc, argv);
    setIdentity();
    // Before the parser and the window build their text.
    cotal::ui::LanguageSettings::install();
    QApplication::setApplicationDisplayName(QStringLiteral("Cotal Console"));

    QCommandLineParser parser;
    const Options options;
    configure(parser, options);
    parser.process(app);

    // Declared before the window: the console disconnects before its mesh goes away.
    cotal::local::LocalMesh::Options meshOptions;
    meshOptions.authMode = !parser.isSet(options.open);
    cotal::local::LocalMesh mesh{meshOptions};
    cotal::ui::MainWindow window;
    window.show();
    if (parser.isSet(options.connect)) {
        QString error;
        if (!window.connectLink(parser.value(options.connect), &error)) {
            std::fprintf(stderr, "cotal-console: not a usable join link: %s\n", qPrintable(error));
            return EXIT_FAILURE;
        }
    } else if (parser.isSet(options.demo) || cotal::profile::ProfileStore().profiles().isEmpty()) {
        openDemo(window, mesh);
    }
    return QApplication::exec();
}
