#pragma once

#include "core/endpoint/endpointtypes.h"
#include "core/space/channelregistry.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace cotal::ui {

// A channel's registry config (description, instructions, replay, replayWindow, deliveryClass)
// with the registry's validation rules. With a registry it loads the stored entry and saves
// with a compare-and-set on the revision it loaded: a change made meanwhile by someone else is
// reported and reloaded, never overwritten. Without one (no admin connection) it is read-only.
class ChannelConfigDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelConfigDialog)

public:
    struct Config
    {
        QString description;
        QString instructions;
        bool replay = true;
        QString replayWindow;
        endpoint::DeliveryClass deliveryClass = endpoint::DeliveryClass::Durable;
    };

    static constexpr int MaxDescription = 200;
    static constexpr int MaxInstructions = 2000;

    // `registry` may be null (read-only); it must outlive the dialog.
    ChannelConfigDialog(const endpoint::ChannelRow &row, space::ChannelRegistry *registry,
                        QWidget *parent = nullptr);

    Config config() const;
    // One message per invalid field; empty when the config may be written.
    static QStringList validate(const Config &config);
    bool isReadOnly() const { return m_registry == nullptr; }
    bool isLoaded() const { return m_loaded; }
    quint64 loadedRevision() const { return m_revision; }

public slots:
    void save();

private slots:
    void handleChanged();

private:
    void load();
    void showStored(const std::optional<space::RegistryEntry<wire::ChannelConfig>> &entry);
    void setEditable(bool editable);

    QString m_channel;
    space::ChannelRegistry *m_registry;
    wire::JsonObject m_stored; // fields this dialog does not edit are written back unchanged
    quint64 m_revision = 0;    // 0: no entry yet (the save creates one)
    bool m_loaded = false;
    QLineEdit *m_description;
    QPlainTextEdit *m_instructions;
    QCheckBox *m_replay;
    QLineEdit *m_replayWindow;
    QComboBox *m_deliveryClass;
    QLabel *m_errors;
    QLabel *m_readOnlyNote;
    QPushButton *m_save = nullptr;
};

} // namespace cotal::ui
