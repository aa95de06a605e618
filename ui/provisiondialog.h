#pragma once

#include "core/space/spaceprovisioner.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QSpinBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace cotal::space {
class SpaceAccess;
}

namespace cotal::ui {

class SpaceChannelsBox;

// "Provision this space": lists the space's 12 streams and buckets as the server has them and
// creates the missing ones, through the credential that may (the provisioner in auth mode, the
// session's own in the open mesh). Existing streams are compared, never changed. Once the
// channel registry exists, the space's channels are listed and configured here too.
class ProvisionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvisionDialog)

public:
    // `access` must be ready and outlive the dialog. `space`: another space of the server to
    // create (empty: the connection's own).
    explicit ProvisionDialog(const space::SpaceAccess &access, const QString &space = {},
                             QWidget *parent = nullptr);
    bool isComplete() const { return !m_inventory.streams.isEmpty() && m_inventory.complete(); }
    SpaceChannelsBox *channels() const { return m_channels; }

    // The text the state column shows for one stream.
    static QString stateText(const space::StreamPresence &stream);

public slots:
    void inspect();
    void provision();

signals:
    void inspected(const cotal::space::SpaceInventory &inventory);
    // Some stream or `=defaults` was created.
    void provisioned();

private:
    void showInventory(const space::SpaceInventory &inventory);
    void showResult(const space::ProvisionResult &result);
    void setBusy(bool busy);

    std::optional<space::SpaceProvisioner> m_provisioner;
    bool m_mayProvision = false;
    QString m_credential;
    bool m_busy = false;
    space::SpaceInventory m_inventory;
    QString m_channelsStream; // KV_cotal_channels_<S>
    QTreeWidget *m_streams;
    SpaceChannelsBox *m_channels;
    QComboBox *m_defaultClass;
    QSpinBox *m_replicas;
    QLabel *m_reason;
    QLabel *m_result;
    QPushButton *m_provision;
};

} // namespace cotal::ui
