#include "ui/provisiondialog.h"

#include "core/space/spaceaccess.h"
#include "core/wire/names.h"
#include "ui/spacechannelsbox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace cotal::ui {

namespace {

SpaceChannelsBox *channelsBoxFor(const space::SpaceAccess &access, const QString &space,
                                 QWidget *parent)
{
    const QString bucket = wire::channelsBucket(space.isEmpty() ? access.space() : space);
    const QString writer = access.credentialName(access.credentialFor(space::Use::ChannelWrite));
    SpaceChannelsBox::Source write;
    if (!access.isReady())
        write.denied = ProvisionDialog::tr("not connected to the space");
    else if (!access.mayWriteChannels(space))
        write.denied = ProvisionDialog::tr("the %1 credential may not write %2 — add a "
                                           "provisioner credential to this connection")
                           .arg(writer, bucket);
    else
        write.registry = access.channelRegistry(space);
    SpaceChannelsBox::Source list{access.channelListing(space), {}};
    if (!list.registry) {
        list.denied = ProvisionDialog::tr("the %1 credential may not read %2")
                          .arg(access.credentialName(space::Credential::View), bucket);
    }
    return new SpaceChannelsBox(std::move(write), std::move(list), parent);
}

} // namespace

// JetStream keeps at most five copies of a stream.
constexpr int kMaxReplicas = 5;

using space::StreamPresence;
using State = space::StreamPresence::State;
using DefaultClass = space::SpaceProvisioner::DefaultDeliveryClass;

ProvisionDialog::ProvisionDialog(const space::SpaceAccess &access, const QString &space,
                                 QWidget *parent)
    : QDialog(parent)
    , m_provisioner(access.provisioner(space))
    , m_mayProvision(access.mayProvision(space))
    , m_credential(access.credentialName(access.credentialFor(space::Use::SpaceSetup)))
    , m_channelsStream(QStringLiteral("KV_") +
                       wire::channelsBucket(space.isEmpty() ? access.space() : space))
{
    setObjectName(QStringLiteral("provisionDialog"));
    setWindowTitle(tr("Provision space %1").arg(space.isEmpty() ? access.space() : space));
    auto *intro = new QLabel(tr("A Cotal space needs five message streams and seven buckets, "
                                "with the configs every Cotal tool expects. Missing ones are "
                                "created; existing ones are compared and never changed."),
                             this);
    intro->setWordWrap(true);
    m_streams = new QTreeWidget(this);
    m_streams->setObjectName(QStringLiteral("spaceStreams"));
    m_streams->setAccessibleName(tr("Streams and buckets of the space"));
    m_streams->setRootIsDecorated(false);
    m_streams->setHeaderLabels({tr("Stream"), tr("State")});
    m_streams->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_streams->header()->setStretchLastSection(true);
    m_defaultClass = new QComboBox(this);
    m_defaultClass->setObjectName(QStringLiteral("defaultDeliveryClass"));
    m_defaultClass->setAccessibleName(tr("Default delivery class"));
    m_defaultClass->addItem(tr("live — no delivery daemon serves the space"),
                            QVariant::fromValue(static_cast<int>(DefaultClass::Live)));
    m_defaultClass->addItem(tr("durable — a delivery daemon serves the space"),
                            QVariant::fromValue(static_cast<int>(DefaultClass::Durable)));
    m_defaultClass->setToolTip(tr("Written to the channel registry's =defaults unless a default "
                                  "class is set already."));
    m_replicas = new QSpinBox(this);
    m_replicas->setObjectName(QStringLiteral("streamReplicas"));
    m_replicas->setAccessibleName(tr("Copies of each stream"));
    m_replicas->setRange(1, kMaxReplicas);
    m_replicas->setToolTip(tr("How many servers of a JetStream cluster keep each stream: 1 on a "
                              "single server, 3 on a 3-node cluster so that one node may fail."));
    auto *form = new QFormLayout;
    form->addRow(tr("Default &delivery class:"), m_defaultClass);
    form->addRow(tr("&Replicas:"), m_replicas);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("provisionReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("provisionResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_provision = buttons->addButton(tr("&Provision"), QDialogButtonBox::ActionRole);
    m_provision->setObjectName(QStringLiteral("provisionButton"));
    m_provision->setAccessibleName(tr("Create the missing streams and buckets"));
    connect(m_provision, &QPushButton::clicked, this, &ProvisionDialog::provision);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_streams, 1);
    layout->addLayout(form);
    layout->addWidget(m_reason);
    layout->addWidget(m_result);
    m_channels = channelsBoxFor(access, space, this);
    layout->addWidget(m_channels, 1);
    layout->addWidget(buttons);
    resize(640, 640);
    setBusy(false);
    inspect();
}

QString ProvisionDialog::stateText(const StreamPresence &stream)
{
    switch (stream.state) {
    case State::Present:
        return tr("present");
    case State::Missing:
        return tr("missing");
    case State::Different:
        return tr("present with another config: %1").arg(stream.differences.join(u"; "));
    case State::Unchecked:
        break;
    }
    if (stream.error.kind == nats::NatsErrorKind::PermissionDenied)
        return tr("cannot check — this credential may not look it up");
    return tr("cannot check — %1").arg(stream.error.describe());
}

void ProvisionDialog::inspect()
{
    if (!m_provisioner) {
        m_reason->setText(tr("Not connected to the space."));
        return;
    }
    setBusy(true);
    m_provisioner->inspect().then(this, [this](const space::SpaceInventory &inventory) {
        setBusy(false);
        showInventory(inventory);
        emit inspected(inventory);
    });
}

void ProvisionDialog::provision()
{
    if (!m_provisioner || !m_mayProvision || m_busy)
        return;
    setBusy(true);
    m_result->setText(tr("Provisioning…"));
    const auto defaultClass = static_cast<DefaultClass>(m_defaultClass->currentData().toInt());
    m_provisioner->setReplicas(m_replicas->value());
    m_provisioner->provision(defaultClass).then(this, [this](const space::ProvisionResult &result) {
        setBusy(false);
        showResult(result);
        if (!result.created.isEmpty() || result.defaultsWritten)
            emit provisioned();
        inspect();
    });
}

void ProvisionDialog::showInventory(const space::SpaceInventory &inventory)
{
    m_inventory = inventory;
    m_streams->clear();
    for (const StreamPresence &stream : inventory.streams) {
        auto *item = new QTreeWidgetItem(m_streams, {stream.stream, stateText(stream)});
        item->setToolTip(1, item->text(1));
    }
    const auto channels = std::find_if(
        inventory.streams.cbegin(), inventory.streams.cend(),
        [this](const StreamPresence &stream) { return stream.stream == m_channelsStream; });
    // Only a bucket the lookup found: an unchecked one may not exist.
    m_channels->setAvailable(
        channels != inventory.streams.cend() &&
        (channels->state == State::Present || channels->state == State::Different));
    setBusy(false);
}

void ProvisionDialog::showResult(const space::ProvisionResult &result)
{
    QStringList lines;
    lines.append(tr("Streams created: %1.").arg(result.created.size()));
    if (!result.mismatched.isEmpty()) {
        lines.append(
            tr("Streams with another config, left as they are: %1.").arg(result.mismatched.size()));
    }
    if (result.defaultsWritten)
        lines.append(tr("The default delivery class was written."));
    if (!result.ok())
        lines.append(tr("Failed: %1").arg(result.error.describe()));
    m_result->setText(lines.join(u'\n'));
}

void ProvisionDialog::setBusy(bool busy)
{
    m_busy = busy;
    const bool looked = !m_inventory.streams.isEmpty();
    const bool missing = !m_inventory.named(State::Missing).isEmpty() ||
                         !m_inventory.named(State::Unchecked).isEmpty();
    m_provision->setEnabled(!busy && m_mayProvision && m_provisioner && looked && missing);
    m_defaultClass->setEnabled(!busy && m_mayProvision);
    m_replicas->setEnabled(!busy && m_mayProvision);
    if (!m_mayProvision) {
        m_reason->setText(tr("The %1 credential may not create this space's streams — add a "
                             "provisioner credential to this connection.")
                              .arg(m_credential));
    } else if (looked && m_inventory.complete()) {
        m_reason->setText(tr("Every stream and bucket is there with the expected config."));
    } else if (looked && !missing) {
        m_reason->setText(tr("Nothing is missing. Streams with another config are left as they "
                             "are: changing one is the operator's decision."));
    } else {
        m_reason->setText(tr("Runs through the %1 credential.").arg(m_credential));
    }
}

} // namespace cotal::ui
