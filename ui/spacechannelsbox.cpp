#include "ui/spacechannelsbox.h"

#include "core/space/channelregistry.h"
#include "core/wire/channels.h"
#include "ui/channelconfigdialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cotal::ui {

namespace {

QString policyText(const wire::EffectiveChannelPolicy &policy)
{
    const QString deliveryClass = policy.deliveryClass == wire::DeliveryClass::Live
                                      ? SpaceChannelsBox::tr("live")
                                      : SpaceChannelsBox::tr("durable");
    if (!policy.replay)
        return SpaceChannelsBox::tr("%1, no replay").arg(deliveryClass);
    if (policy.replayWindow)
        return SpaceChannelsBox::tr("%1, replay %2").arg(deliveryClass, *policy.replayWindow);
    return SpaceChannelsBox::tr("%1, replay all history").arg(deliveryClass);
}

} // namespace

SpaceChannelsBox::SpaceChannelsBox(Source writer, Source listing, QWidget *parent)
    : QGroupBox(tr("Channels"), parent)
    , m_writer(std::move(writer.registry))
    , m_listing(std::move(listing.registry))
    , m_writerDenied(std::move(writer.denied))
    , m_listingDenied(std::move(listing.denied))
{
    setObjectName(QStringLiteral("spaceChannels"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("spaceChannelList"));
    m_list->setAccessibleName(tr("Configured channels of the space"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("spaceChannelName"));
    m_name->setAccessibleName(tr("Channel name"));
    m_name->setPlaceholderText(tr("channel name, e.g. builds or team.backend"));
    m_configure = new QPushButton(tr("&Configure…"), this);
    m_configure->setObjectName(QStringLiteral("spaceChannelConfigure"));
    m_configure->setAccessibleName(tr("Configure the named channel"));
    m_configure->setToolTip(tr("Description, instructions, replay, replay window and delivery "
                               "class of the channel"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("spaceChannelsNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    auto *row = new QHBoxLayout;
    row->addWidget(m_name, 1);
    row->addWidget(m_configure);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    layout->addWidget(m_note);

    connect(m_configure, &QPushButton::clicked, this, &SpaceChannelsBox::configureNamed);
    connect(m_name, &QLineEdit::returnPressed, this, &SpaceChannelsBox::configureNamed);
    connect(m_name, &QLineEdit::textChanged, this, &SpaceChannelsBox::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { configure(item->data(Qt::UserRole).toString()); });
    if (m_listing) {
        connect(m_listing.get(), &space::ChannelRegistry::changed, this,
                &SpaceChannelsBox::showChannels);
        connect(m_listing.get(), &space::ChannelRegistry::loaded, this,
                &SpaceChannelsBox::showChannels);
        connect(m_listing.get(), &space::ChannelRegistry::watchFailed, this,
                [this](const nats::NatsError &error) {
                    m_listingError =
                        tr("The channel list cannot be read: %1").arg(error.describe());
                    m_note->setText(m_listingError);
                });
    }
    setAvailable(false);
}

SpaceChannelsBox::~SpaceChannelsBox() = default;

void SpaceChannelsBox::setAvailable(bool available)
{
    if (available && !m_available && m_listing)
        m_listing->start();
    m_available = available;
    if (!m_writer)
        m_note->setText(tr("Channels cannot be configured: %1.").arg(m_writerDenied));
    else if (!available)
        m_note->setText(tr("Channels can be configured once the space's channel registry "
                           "exists: provision the space first."));
    else if (!m_listing)
        m_note->setText(tr("Existing channels are not listed: %1.").arg(m_listingDenied));
    else
        m_note->setText(m_listingError);
    updateButtons();
}

QStringList SpaceChannelsBox::listedChannels() const
{
    return m_listing ? m_listing->channels() : QStringList();
}

void SpaceChannelsBox::configureNamed()
{
    const QString name = m_name->text().trimmed();
    if (!m_available || !m_writer || name.isEmpty())
        return;
    const wire::Result<QString> valid = wire::validateConcreteChannel(name);
    if (!valid) {
        m_note->setText(tr("\"%1\" cannot name a channel: %2").arg(name, valid.error().detail));
        return;
    }
    configure(valid.value());
}

void SpaceChannelsBox::configure(const QString &channel)
{
    if (!m_available || !m_writer)
        return;
    // Until the dialog's fresh read arrives it shows what the listing knows.
    const space::ChannelRegistry &known = m_listing ? *m_listing : *m_writer;
    endpoint::ChannelRow row;
    row.channel = channel;
    const wire::EffectiveChannelPolicy policy = known.effective(channel);
    row.replay = policy.replay;
    row.replayWindow = policy.replayWindow.value_or(QString());
    row.deliveryClass = policy.deliveryClass;
    if (const auto entry = known.entry(channel)) {
        row.configured = true;
        row.description = entry->record.description().value_or(QString());
        row.instructions = entry->record.instructions().value_or(QString());
    }
    ChannelConfigDialog dialog(row, m_writer.get(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_name->clear();
    m_note->setText(tr("#%1 saved.").arg(channel));
    emit configured(channel);
}

void SpaceChannelsBox::showChannels()
{
    m_list->clear();
    for (const QString &channel : m_listing->channels()) {
        const auto entry = m_listing->entry(channel);
        auto *item = new QListWidgetItem(
            tr("#%1 — %2").arg(channel, policyText(m_listing->effective(channel))), m_list);
        item->setData(Qt::UserRole, channel);
        const QString description =
            entry ? entry->record.description().value_or(QString()) : QString();
        item->setToolTip(description.isEmpty() ? tr("No description") : description);
    }
}

void SpaceChannelsBox::updateButtons()
{
    const bool editable = m_available && m_writer;
    m_name->setEnabled(editable);
    m_list->setEnabled(m_available);
    m_configure->setEnabled(editable && !m_name->text().trimmed().isEmpty());
}

} // namespace cotal::ui
