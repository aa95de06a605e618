// The German and French catalogues: every message translated with the source's placeholders
// and mnemonics, in step with the sources, embedded in the binary, and chosen by
// LanguageSettings from the saved override or the system locale.

#include "ui/languagesettings.h"

#include <QActionGroup>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <algorithm>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // the translation's type attribute: empty when finished
    QStringList forms;
};

QList<Message> readCatalogue(const QString &path, QString *language)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QString context;
    Message current;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == u"TS") {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            current = Message{};
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.forms.append(xml.readElementText());
            } else {
                current.forms.append(xml.readElementText());
            }
            messages.append(current);
        }
    }
    if (xml.hasError())
        qWarning() << path << xml.errorString();
    return messages;
}

QString cataloguePath(const QString &language)
{
    return QStringLiteral(COTAL_TRANSLATIONS_DIR "/cotal-console_%1.ts").arg(language);
}

// %1…%9 and %n with their multiplicity; %L1 counts as %1.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?([1-9]|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(1));
    std::sort(found.begin(), found.end());
    return found;
}

// Number of mnemonic markers: an '&' before a character that is neither '&' nor a space.
int mnemonics(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!text.at(i + 1).isSpace())
            ++count;
    }
    return count;
}

QString describe(const Message &message)
{
    return message.context + QStringLiteral(": \"") + message.source + QLatin1Char('"');
}

} // namespace

class TranslationsTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void catalogueHasNoUnfinishedOrEmptyEntries_data();
    void catalogueHasNoUnfinishedOrEmptyEntries();
    void placeholdersMatchTheSource_data();
    void placeholdersMatchTheSource();
    void mnemonicsAreKept_data();
    void mnemonicsAreKept();
    void catalogueIsInStepWithTheSources_data();
    void catalogueIsInStepWithTheSources();
    void embeddedCatalogueTranslates_data();
    void embeddedCatalogueTranslates();

    void overrideWinsOverTheSystemLocale();
    void unknownOverrideFallsBackToTheSystem();
    void languageMenuStoresTheChoice();
    void installLoadsTheChosenCatalogue();

private:
    void addLanguageRows();
};

void TranslationsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CotalTranslationsTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
}

void TranslationsTest::init()
{
    QSettings().clear();
}

void TranslationsTest::addLanguageRows()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void TranslationsTest::catalogueHasNoUnfinishedOrEmptyEntries_data()
{
    addLanguageRows();
}

void TranslationsTest::catalogueHasNoUnfinishedOrEmptyEntries()
{
    QFETCH(QString, language);
    QString declared;
    const QList<Message> messages = readCatalogue(cataloguePath(language), &declared);
    QVERIFY2(!messages.isEmpty(), qPrintable(cataloguePath(language)));
    QVERIFY2(declared.startsWith(language), qPrintable(declared));
    QStringList problems;
    for (const Message &message : messages) {
        if (!message.type.isEmpty())
            problems.append(message.type + QStringLiteral(" — ") + describe(message));
        // German and French have two plural forms.
        if (message.numerus && message.forms.size() != 2)
            problems.append(QStringLiteral("plural forms — ") + describe(message));
        for (const QString &form : message.forms) {
            if (form.trimmed().isEmpty())
                problems.append(QStringLiteral("empty — ") + describe(message));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TranslationsTest::placeholdersMatchTheSource_data()
{
    addLanguageRows();
}

void TranslationsTest::placeholdersMatchTheSource()
{
    QFETCH(QString, language);
    QString declared;
    const QList<Message> messages = readCatalogue(cataloguePath(language), &declared);
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const Message &message : messages) {
        const QStringList expected = placeholders(message.source);
        for (const QString &form : message.forms) {
            if (placeholders(form) != expected)
                problems.append(describe(message) + QStringLiteral(" → \"") + form +
                                QLatin1Char('"'));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TranslationsTest::mnemonicsAreKept_data()
{
    addLanguageRows();
}

void TranslationsTest::mnemonicsAreKept()
{
    QFETCH(QString, language);
    QString declared;
    const QList<Message> messages = readCatalogue(cataloguePath(language), &declared);
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const Message &message : messages) {
        // Rich text and "&&" labels carry no mnemonic of their own.
        if (message.source.contains(QLatin1Char('<')))
            continue;
        for (const QString &form : message.forms) {
            if (mnemonics(form) != mnemonics(message.source))
                problems.append(describe(message) + QStringLiteral(" → \"") + form +
                                QLatin1Char('"'));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TranslationsTest::catalogueIsInStepWithTheSources_data()
{
    addLanguageRows();
}

// Runs lupdate over a copy: a string added to the sources without a translation shows up as a
// new unfinished entry, one that left the sources as a dropped one.
void TranslationsTest::catalogueIsInStepWithTheSources()
{
    QFETCH(QString, language);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("cotal-console_%1.ts").arg(language));
    QVERIFY(QFile::copy(cataloguePath(language), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(COTAL_SOURCE_DIR));
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(COTAL_LUPDATE_EXECUTABLE),
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-I"), QStringLiteral(COTAL_SOURCE_DIR),
                   QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app"),
                   QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);

    QString declared;
    const QList<Message> committed = readCatalogue(cataloguePath(language), &declared);
    const QList<Message> refreshed = readCatalogue(copy, &declared);
    QStringList fresh;
    for (const Message &message : refreshed) {
        if (!message.type.isEmpty())
            fresh.append(describe(message));
    }
    QVERIFY2(fresh.isEmpty(), qPrintable(QStringLiteral("not translated yet (run "
                                                        "scripts/update-translations):\n") +
                                         fresh.join(QLatin1Char('\n'))));
    QCOMPARE(refreshed.size(), committed.size());
}

void TranslationsTest::embeddedCatalogueTranslates_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("lease");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Ansicht")
                        << QStringLiteral("Lease-Inspektor");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("&Affichage")
                        << QStringLiteral("Inspecteur de bail");
}

void TranslationsTest::embeddedCatalogueTranslates()
{
    QFETCH(QString, language);
    QFETCH(QString, view);
    QFETCH(QString, lease);
    const QString resource = QStringLiteral(":/i18n/cotal-console_%1.qm").arg(language);
    QVERIFY2(QFile::exists(resource), qPrintable(resource));
    QTranslator translator;
    QVERIFY(translator.load(resource));
    QVERIFY2(translator.language().startsWith(language), qPrintable(translator.language()));
    QCOMPARE(translator.translate("cotal::ui::MainWindow", "&View"), view);
    QCOMPARE(translator.translate("cotal::ui::LeaseInspector", "Lease inspector"), lease);
}

void TranslationsTest::overrideWinsOverTheSystemLocale()
{
    using cotal::ui::LanguageSettings;
    QCOMPARE(LanguageSettings::choice(), LanguageSettings::systemChoice);
    for (const QString &code : {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("en")}) {
        LanguageSettings::setChoice(code);
        QCOMPARE(LanguageSettings::choice(), code);
        QCOMPARE(LanguageSettings::resolvedLanguage(), code);
    }
    LanguageSettings::setChoice(LanguageSettings::systemChoice);
    QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
}

void TranslationsTest::unknownOverrideFallsBackToTheSystem()
{
    using cotal::ui::LanguageSettings;
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("tlh"));
    QCOMPARE(LanguageSettings::choice(), LanguageSettings::systemChoice);
    const QList<LanguageSettings::Language> available = LanguageSettings::available();
    const QString resolved = LanguageSettings::resolvedLanguage();
    QVERIFY2(std::any_of(available.cbegin(), available.cend(),
                         [&resolved](const auto &l) { return l.code == resolved; }),
             qPrintable(resolved));
}

void TranslationsTest::languageMenuStoresTheChoice()
{
    using cotal::ui::LanguageSettings;
    LanguageSettings::setChoice(QStringLiteral("de"));
    QWidget parent;
    QMenu *menu = LanguageSettings::createMenu(&parent);
    auto *system = menu->findChild<QAction *>(QStringLiteral("actionLanguage_system"));
    auto *german = menu->findChild<QAction *>(QStringLiteral("actionLanguage_de"));
    auto *french = menu->findChild<QAction *>(QStringLiteral("actionLanguage_fr"));
    QVERIFY(system && german && french);
    QVERIFY(german->isChecked());
    QVERIFY(!system->isChecked());
    french->trigger();
    QVERIFY(french->isChecked());
    QCOMPARE(LanguageSettings::choice(), QStringLiteral("fr"));
    system->trigger();
    QCOMPARE(LanguageSettings::choice(), LanguageSettings::systemChoice);
}

// Last: the installed translators stay with the application.
void TranslationsTest::installLoadsTheChosenCatalogue()
{
    using cotal::ui::LanguageSettings;
    QCOMPARE(QCoreApplication::translate("cotal::ui::MainWindow", "&View"),
             QStringLiteral("&View"));
    LanguageSettings::setChoice(QStringLiteral("fr"));
    LanguageSettings::install();
    QCOMPARE(QCoreApplication::translate("cotal::ui::MainWindow", "&View"),
             QStringLiteral("&Affichage"));
    QCOMPARE(QCoreApplication::translate("cotal::local::LocalMesh", "Local demo"),
             QStringLiteral("Démo locale"));
}

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
