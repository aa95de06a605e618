#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QMenu;
class QWidget;

namespace cotal::ui {

// The console's UI language: a saved override (QSettings "ui/language") or the system locale.
// The catalogues are compiled into the binary under :/i18n, so no installed files are needed.
class LanguageSettings final
{
    Q_DECLARE_TR_FUNCTIONS(cotal::ui::LanguageSettings)

public:
    struct Language
    {
        QString code;       // "en", "de", "fr"
        QString nativeName; // shown as is, never translated
    };

    static inline const QString systemChoice = QStringLiteral("system");

    // The languages the console ships, English (the source language) first.
    static QList<Language> available();
    // The saved choice: systemChoice or one of available()'s codes.
    static QString choice();
    static void setChoice(const QString &code);
    // The language the choice resolves to: an available code, "en" when nothing else fits.
    static QString resolvedLanguage();
    // Loads the console's and Qt's own catalogues for resolvedLanguage() into the running
    // application. Call after the application object exists and before any text is built.
    static void install();
    // A "Language" menu with one checkable entry per choice; a change applies at the next start.
    static QMenu *createMenu(QWidget *parent);
};

} // namespace cotal::ui
