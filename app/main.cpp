#include "app/headlessdelivery.h"
#include "cotalversion.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>

#include <cstdio>
#include <cstdlib>

namespace {

// Qt aborts without a display; say how to get one instead.
bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    // The headless daemon never needs a display: decided before any QApplication exists.
    if (cotal::app::isHeadlessInvocation(argc, argv))
        return cotal::app::runHeadless(argc, argv);

    if (!hasDisplay()) {
        std::fputs("cotal-console: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                   "Run it under a virtual display: xvfb-run -a cotal-console\n"
                   "or headless Qt: QT_QPA_PLATFORM=offscreen cotal-console\n",
                   stderr);
        return EXIT_FAILURE;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cotal-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Cotal Console"));
    QApplication::setOrganizationName(QStringLiteral("Cotal"));
    QApplication::setApplicationVersion(QStringLiteral(COTAL_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Operator console for Cotal agent spaces."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(
        QStringLiteral("connect"),
        QCoreApplication::translate("main",
                                    "Connect at start from a cotal:// or cotals:// join link."),
        QStringLiteral("link"));
    parser.addOption(connectOption);
    parser.process(app);

    cotal::ui::MainWindow window;
    window.show();
    if (parser.isSet(connectOption)) {
        QString error;
        if (!window.connectLink(parser.value(connectOption), &error)) {
            std::fprintf(stderr, "cotal-console: not a usable join link: %s\n", qPrintable(error));
            return EXIT_FAILURE;
        }
    }
    return QApplication::exec();
}
