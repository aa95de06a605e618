#pragma once

#include "core/endpoint/endpointtypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace cotal::ui {

// A channel's registry config (description, instructions, replay, replayWindow, deliveryClass)
// with the registry's validation rules.
//
// Read-only in this build: the compare-and-set write belongs to core/space's channel registry,
// which does not exist yet, and the dialog says so rather than pretending to save.
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

    explicit ChannelConfigDialog(const endpoint::ChannelRow &row, QWidget *parent = nullptr);

    Config config() const;
    // One message per invalid field; empty when the config may be written.
    static QStringList validate(const Config &config);
    bool isReadOnly() const { return true; }

private slots:
    void handleChanged();

private:
    QLineEdit *m_description;
    QPlainTextEdit *m_instructions;
    QCheckBox *m_replay;
    QLineEdit *m_replayWindow;
    QComboBox *m_deliveryClass;
    QLabel *m_errors;
    QLabel *m_readOnlyNote;
};

} // namespace cotal::ui
