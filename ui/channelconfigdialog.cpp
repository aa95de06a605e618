#include "ui/channelconfigdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cotal::ui {

ChannelConfigDialog::ChannelConfigDialog(const endpoint::ChannelRow &row, QWidget *parent)
    : QDialog(parent)
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
    m_readOnlyNote = new QLabel(
        tr("Read-only: writing a channel's config needs the channel registry's compare-and-set "
           "write, which this build of the console does not include yet. The values shown are "
           "the effective ones from the last channel listing%1.")
            .arg(row.configured ? QString() : tr(" (the channel has no registry entry)")),
        this);
    m_readOnlyNote->setObjectName(QStringLiteral("channelConfigReadOnly"));
    m_readOnlyNote->setWordWrap(true);

    m_description->setReadOnly(true);
    m_instructions->setReadOnly(true);
    m_replayWindow->setReadOnly(true);
    m_replay->setEnabled(false);
    m_deliveryClass->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

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
    m_errors->setText(validate(config()).join(QLatin1Char('\n')));
}

} // namespace cotal::ui
