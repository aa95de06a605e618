#include "ui/channelconfigdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cotal::ui {

ChannelConfigDialog::ChannelConfigDialog(const endpoint::ChannelRow &row,
                                         space::ChannelRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_channel(row.channel)
    , m_registry(registry)
{
    setObjectName(QStringLiteral("channelConfigDialog"));
    setWindowTitle(tr("Channel #%1").arg(row.channel));

    m_description = new QLineEdit(row.description, this);
    m_description->setObjectName(QStringLiteral("channelDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_instructions = new QPlainTextEdit(row.instructions, this);
    m_instructions->setObjectName(QStringLiteral("channelInstructions"));
    m_instructions->setAccessibleName(tr("Instructions"));
    m_replay = new QCheckBox(tr("Replay history to joiners"), this);
    m_replay->setObjectName(QStringLiteral("channelReplay"));
    m_replay->setChecked(row.replay);
    m_replayWindow = new QLineEdit(row.replayWindow, this);
    m_replayWindow->setObjectName(QStringLiteral("channelReplayWindow"));
    m_replayWindow->setPlaceholderText(tr("empty = all retained history; e.g. 30m, 2h, 7d"));
    m_replayWindow->setAccessibleName(tr("Replay window"));
    m_deliveryClass = new QComboBox(this);
    m_deliveryClass->setObjectName(QStringLiteral("channelDeliveryClass"));
    m_deliveryClass->setAccessibleName(tr("Delivery class"));
    m_deliveryClass->addItem(tr("durable"), int(endpoint::DeliveryClass::Durable));
    m_deliveryClass->addItem(tr("live"), int(endpoint::DeliveryClass::Live));
    m_deliveryClass->setCurrentIndex(m_deliveryClass->findData(int(row.deliveryClass)));

    auto *form = new QFormLayout;
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Instructions:"), m_instructions);
    form->addRow(QString(), m_replay);
    form->addRow(tr("Replay &window:"), m_replayWindow);
    form->addRow(tr("Delivery &class:"), m_deliveryClass);

    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("channelConfigErrors"));
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setWordWrap(true);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("channelConfigReadOnly"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_registry) {
        m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
        m_save->setObjectName(QStringLiteral("channelConfigSave"));
        m_save->setAccessibleName(tr("Save the channel config"));
        connect(m_save, &QPushButton::clicked, this, &ChannelConfigDialog::save);
    }
    setEditable(false);
    if (m_registry) {
        m_readOnlyNote->setText(tr("Loading the stored config…"));
    } else {
        m_readOnlyNote->setText(
            tr("Read-only: the registry connection is not open. The values shown are the "
               "effective ones from the last channel listing%1.")
                .arg(row.configured ? QString() : tr(" (the channel has no registry entry)")));
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors);
    layout->addWidget(m_readOnlyNote);
    layout->addWidget(buttons);

    connect(m_description, &QLineEdit::textChanged, this, &ChannelConfigDialog::handleChanged);
    connect(m_instructions, &QPlainTextEdit::textChanged, this,
            &ChannelConfigDialog::handleChanged);
    connect(m_replayWindow, &QLineEdit::textChanged, this, &ChannelConfigDialog::handleChanged);
    handleChanged();
    resize(520, sizeHint().height());
    if (m_registry)
        load();
}

void ChannelConfigDialog::setEditable(bool editable)
{
    m_description->setReadOnly(!editable);
    m_instructions->setReadOnly(!editable);
    m_replayWindow->setReadOnly(!editable);
    m_replay->setEnabled(editable);
    m_deliveryClass->setEnabled(editable);
    if (m_save)
        m_save->setEnabled(editable && validate(config()).isEmpty());
}

void ChannelConfigDialog::load()
{
    setEditable(false);
    m_registry->resolveFresh(m_channel).then(this, [this](const space::FreshChannelPolicy &fresh) {
        if (!fresh.ok()) {
            m_readOnlyNote->setText(
                tr("The stored config cannot be read: %1").arg(fresh.error.describe()));
            return;
        }
        showStored(fresh.config);
        if (!fresh.config) {
            // A new entry starts from what the channel gets today: `=defaults`, read just now.
            m_replay->setChecked(fresh.policy.replay);
            m_replayWindow->setText(fresh.policy.replayWindow.value_or(QString()));
            m_deliveryClass->setCurrentIndex(
                m_deliveryClass->findData(int(fresh.policy.deliveryClass)));
        }
    });
}

void ChannelConfigDialog::showStored(
    const std::optional<space::RegistryEntry<wire::ChannelConfig>> &entry)
{
    m_loaded = true;
    m_revision = entry ? entry->revision : 0;
    m_stored = entry ? entry->record.object() : wire::JsonObject();
    if (entry) {
        const wire::ChannelConfig &stored = entry->record;
        m_description->setText(stored.description().value_or(QString()));
        m_instructions->setPlainText(stored.instructions().value_or(QString()));
        m_replay->setChecked(stored.replay().value_or(true));
        m_replayWindow->setText(stored.replayWindow().value_or(QString()));
        const bool live = stored.deliveryClass() == wire::DeliveryClass::Live;
        m_deliveryClass->setCurrentIndex(m_deliveryClass->findData(
            int(live ? endpoint::DeliveryClass::Live : endpoint::DeliveryClass::Durable)));
        m_readOnlyNote->setText(
            tr("Stored at revision %1. Saving writes on that revision only.").arg(m_revision));
    } else {
        m_readOnlyNote->setText(
            tr("No registry entry yet: saving creates one (and fails if someone else creates it "
               "first)."));
    }
    setEditable(true);
}

void ChannelConfigDialog::save()
{
    const Config edited = config();
    if (!m_loaded || !validate(edited).isEmpty())
        return;
    wire::JsonObject object = m_stored;
    const auto setText = [&object](const QString &key, const QString &value) {
        if (value.isEmpty())
            object.remove(key);
        else
            object.insert(key, wire::JsonValue(value));
    };
    setText(QStringLiteral("description"), edited.description);
    setText(QStringLiteral("instructions"), edited.instructions);
    setText(QStringLiteral("replayWindow"), edited.replayWindow);
    object.insert(QStringLiteral("replay"), wire::JsonValue(edited.replay));
    object.insert(QStringLiteral("deliveryClass"),
                  wire::JsonValue(edited.deliveryClass == endpoint::DeliveryClass::Live
                                      ? QStringLiteral("live")
                                      : QStringLiteral("durable")));
    const wire::Result<wire::ChannelConfig> checked = wire::ChannelConfig::fromObject(object);
    if (!checked) {
        m_errors->setText(checked.error().detail);
        return;
    }
    setEditable(false);
    m_registry->writeConfig(m_channel, checked.value(), m_revision)
        .then(this, [this](const space::ChannelConfigWrite &write) {
            if (write.ok()) {
                accept();
                return;
            }
            if (write.error.kind == space::SpaceErrorKind::RevisionConflict) {
                showStored(write.current);
                m_errors->setText(tr("Someone else changed this channel since you opened it. "
                                     "Their version is shown now; apply your change again."));
                return;
            }
            m_errors->setText(tr("Not saved: %1").arg(write.error.describe()));
            setEditable(true);
        });
}

ChannelConfigDialog::Config ChannelConfigDialog::config() const
{
    Config config;
    config.description = m_description->text();
    config.instructions = m_instructions->toPlainText();
    config.replay = m_replay->isChecked();
    config.replayWindow = m_replayWindow->text().trimmed();
    config.deliveryClass = endpoint::DeliveryClass(m_deliveryClass->currentData().toInt());
    return config;
}

QStringList ChannelConfigDialog::validate(const Config &config)
{
    QStringList errors;
    if (config.description.size() > MaxDescription)
        errors.append(tr("The description has %1 characters; at most %2 are allowed.")
                          .arg(config.description.size())
                          .arg(MaxDescription));
    if (config.instructions.size() > MaxInstructions)
        errors.append(tr("The instructions have %1 characters; at most %2 are allowed.")
                          .arg(config.instructions.size())
                          .arg(MaxInstructions));
    static const QRegularExpression window(QStringLiteral("^\\d+(s|m|h|d)$"));
    if (!config.replayWindow.isEmpty() && !window.match(config.replayWindow).hasMatch())
        errors.append(
            tr("The replay window must be a number followed by s, m, h or d (e.g. 90m)."));
    return errors;
}

void ChannelConfigDialog::handleChanged()
{
    const QStringList errors = validate(config());
    m_errors->setText(errors.join(QLatin1Char('\n')));
    if (m_save)
        m_save->setEnabled(m_loaded && errors.isEmpty());
}

} // namespace cotal::ui
