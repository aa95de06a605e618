#pragma once

#include <QGroupBox>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace cotal::space {
class ChannelRegistry;
}

namespace cotal::ui {

// The channels of a space being set up, for New space… and Provision this space…: the
// channels its registry holds, and a name field that opens the channel config dialog
// (description, instructions, replay, replay window, delivery class; a compare-and-set create
// or update) for a valid channel name.
class SpaceChannelsBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceChannelsBox)

public:
    // A registry of the space's channel bucket for one job, or null with the sentence that says
    // why there is none ("the admin credential may not …").
    struct Source
    {
        std::unique_ptr<space::ChannelRegistry> registry;
        QString denied;
    };

    // `writer`: the config dialog reads fresh and writes through it; `listing`: a watch of the
    // same bucket.
    SpaceChannelsBox(Source writer, Source listing, QWidget *parent = nullptr);
    ~SpaceChannelsBox() override;

    // The space's channel registry exists: list and configure its channels.
    void setAvailable(bool available);
    QStringList listedChannels() const;

public slots:
    // Opens the config dialog for the name in the field, or says why the name is refused.
    void configureNamed();

signals:
    void configured(const QString &channel);

private:
    void configure(const QString &channel);
    void showChannels();
    void updateButtons();

    std::unique_ptr<space::ChannelRegistry> m_writer;
    std::unique_ptr<space::ChannelRegistry> m_listing;
    QString m_writerDenied;
    QString m_listingDenied;
    QString m_listingError; // the watch failed: said until the dialog closes
    bool m_available = false;
    QListWidget *m_list;
    QLineEdit *m_name;
    QPushButton *m_configure;
    QLabel *m_note;
};

} // namespace cotal::ui
