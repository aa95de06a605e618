#include "ui/languagesettings.h"

#include <QActionGroup>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTranslator>

#include <algorithm>

namespace cotal::ui {

namespace {

const QString kSettingsKey = QStringLiteral("ui/language");
const QString kSourceLanguage = QStringLiteral("en");

bool isAvailable(const QString &code)
{
    const QList<LanguageSettings::Language> languages = LanguageSettings::available();
    return std::any_of(languages.cbegin(), languages.cend(),
                       [&code](const LanguageSettings::Language &l) { return l.code == code; });
}

// The first of the user's preferred languages the console ships. QTranslator::load(QLocale)
// would instead pick the first preference that has *any* catalogue, so an "en-GB, de" user
// would get German although English is the source text.
QString systemLanguage()
{
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &tag : preferred) {
        const QString code = QLocale(tag).name().section(QLatin1Char('_'), 0, 0);
        if (isAvailable(code))
            return code;
    }
    return kSourceLanguage;
}

void installTranslator(const QString &fileName, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(fileName, directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

QList<LanguageSettings::Language> LanguageSettings::available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

QString LanguageSettings::choice()
{
    const QString saved = QSettings().value(kSettingsKey, systemChoice).toString();
    return isAvailable(saved) ? saved : systemChoice;
}

void LanguageSettings::setChoice(const QString &code)
{
    QSettings settings;
    if (code == systemChoice || !isAvailable(code))
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, code);
}

QString LanguageSettings::resolvedLanguage()
{
    const QString chosen = choice();
    return chosen == systemChoice ? systemLanguage() : chosen;
}

void LanguageSettings::install()
{
    const QString language = resolvedLanguage();
    if (language == kSourceLanguage)
        return;
    // Qt's own dialogs and context menus, when the distribution ships qtbase's catalogue.
    installTranslator(QStringLiteral("qtbase_") + language,
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    installTranslator(QStringLiteral("cotal-console_") + language, QStringLiteral(":/i18n"));
}

QMenu *LanguageSettings::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("menuLanguage"));
    auto *group = new QActionGroup(menu);
    const QString current = choice();
    const auto addChoice = [menu, group, &current](const QString &text, const QString &code) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QStringLiteral("actionLanguage_") + code);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
    };
    addChoice(tr("&System language"), systemChoice);
    for (const Language &language : available())
        addChoice(QLatin1Char('&') + language.nativeName, language.code);
    menu->addSeparator();
    // A disabled line rather than a dialog: the menu says it before the user picks.
    menu->addAction(tr("Changes take effect at the next start"))->setEnabled(false);
    QObject::connect(group, &QActionGroup::triggered, menu,
                     [](QAction *action) { setChoice(action->data().toString()); });
    return menu;
}

} // namespace cotal::ui
