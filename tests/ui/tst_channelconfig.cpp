// The channel config editor against a real registry: it loads the stored entry, saves with a
// compare-and-set on the revision it loaded, keeps fields it does not edit, blocks invalid input,
// and reports a change made meanwhile instead of overwriting it.

#include "core/nats/keyvalue.h"
#include "core/space/channelregistry.h"
#include "core/space/spaceprovisioner.h"
#include "core/wire/names.h"
#include "tests/integration/spacetestsupport.h"
#include "ui/channelconfigdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using cotal::space::ChannelRegistry;
using cotal::space::SpaceProvisioner;
using cotal::testing::SpaceTestServer;
using cotal::ui::ChannelConfigDialog;

class TestChannelConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void init()
    {
        m_space = SpaceTestServer::freshSpace(QStringLiteral("chcfg"));
        AWAIT(provisioned, SpaceProvisioner(m_server.jetStream(), m_space)
                               .provision(SpaceProvisioner::DefaultDeliveryClass::Durable));
        VERIFY_NATS_OK(provisioned);
        // A field this editor does not know must survive its save.
        AWAIT(put, bucket().put(QStringLiteral("general"),
                                "{\"description\":\"Everyone\",\"replay\":true,"
                                "\"deliveryClass\":\"durable\",\"x-owner\":\"ops\"}"));
        VERIFY_NATS_OK(put);
        m_revision = put.entry.revision;
    }

    void savesOnTheLoadedRevisionAndKeepsUnknownFields()
    {
        ChannelRegistry registry(bucket());
        ChannelConfigDialog dialog(row(), &registry);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), 10000);
        QCOMPARE(dialog.loadedRevision(), m_revision);
        auto *description = dialog.findChild<QLineEdit *>(QStringLiteral("channelDescription"));
        QCOMPARE(description->text(), QStringLiteral("Everyone"));
        description->setText(QStringLiteral("Everyone, everything"));
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);

        AWAIT(stored, bucket().get(QStringLiteral("general")));
        VERIFY_NATS_OK(stored);
        QCOMPARE(stored.entry.revision, m_revision + 1);
        const QByteArray value = stored.entry.value;
        QVERIFY2(value.contains("\"description\":\"Everyone, everything\""), value.constData());
        QVERIFY2(value.contains("\"x-owner\":\"ops\""), value.constData());
    }

    void invalidReplayWindowBlocksTheSave()
    {
        ChannelRegistry registry(bucket());
        ChannelConfigDialog dialog(row(), &registry);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), 10000);
        auto *save = dialog.findChild<QPushButton *>(QStringLiteral("channelConfigSave"));
        QVERIFY(save->isEnabled());
        dialog.findChild<QLineEdit *>(QStringLiteral("channelReplayWindow"))
            ->setText(QStringLiteral("soon"));
        QVERIFY(!save->isEnabled());
        QVERIFY(
            !dialog.findChild<QLabel *>(QStringLiteral("channelConfigErrors"))->text().isEmpty());
    }

    void changeMadeMeanwhileIsShownNotOverwritten()
    {
        ChannelRegistry registry(bucket());
        ChannelConfigDialog dialog(row(), &registry);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), 10000);
        AWAIT(theirs, bucket().put(QStringLiteral("general"),
                                   "{\"description\":\"Theirs\",\"deliveryClass\":\"live\"}"));
        VERIFY_NATS_OK(theirs);
        dialog.findChild<QLineEdit *>(QStringLiteral("channelDescription"))
            ->setText(QStringLiteral("Mine"));
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.loadedRevision(), theirs.entry.revision, 10000);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("channelDescription"))->text(),
                 QStringLiteral("Theirs"));
        AWAIT(stored, bucket().get(QStringLiteral("general")));
        QVERIFY(stored.entry.value.contains("\"Theirs\""));
    }

    void withoutARegistryItIsReadOnly()
    {
        ChannelConfigDialog dialog(row(), nullptr);
        QVERIFY(dialog.isReadOnly());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("channelConfigSave")));
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("channelDescription"))->isReadOnly());
    }

private:
    cotal::nats::KeyValue bucket() const
    {
        return cotal::nats::KeyValue(m_server.jetStream(), cotal::wire::channelsBucket(m_space));
    }

    static cotal::endpoint::ChannelRow row()
    {
        cotal::endpoint::ChannelRow row;
        row.channel = QStringLiteral("general");
        row.configured = true;
        return row;
    }

    SpaceTestServer m_server;
    QString m_space;
    quint64 m_revision = 0;
};

QTEST_MAIN(TestChannelConfig)
#include "tst_channelconfig.moc"
