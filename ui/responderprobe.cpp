#include "ui/responderprobe.h"

namespace cotal::ui {

ResponderProbe::ResponderProbe(Request request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    connect(&m_timer, &QTimer::timeout, this, &ResponderProbe::probe);
}

ResponderProbe::~ResponderProbe() = default;

void ResponderProbe::start(int intervalMs)
{
    m_timer.start(intervalMs);
    probe();
}

void ResponderProbe::stop()
{
    m_timer.stop();
}

ResponderStatus ResponderProbe::classify(const endpoint::ControlResult &result)
{
    switch (result.status) {
    case endpoint::ControlResult::Status::Ok:
    case endpoint::ControlResult::Status::Refused:
        return ResponderStatus::Answering;
    case endpoint::ControlResult::Status::NoResponders:
        return ResponderStatus::NoResponders;
    case endpoint::ControlResult::Status::Timeout:
    case endpoint::ControlResult::Status::Failed:
        return ResponderStatus::Silent;
    }
    return ResponderStatus::Unknown;
}

void ResponderProbe::probe()
{
    if (m_inFlight || !m_request)
        return;
    m_inFlight = true;
    m_request()
        .then(this,
              [this](const endpoint::ControlResult &result) {
                  m_inFlight = false;
                  const ResponderStatus status = classify(result);
                  const QString detail = result.error;
                  if (status == m_status && detail == m_detail)
                      return;
                  m_status = status;
                  m_detail = detail;
                  emit statusChanged(status, detail);
              })
        .onCanceled(this, [this] { m_inFlight = false; });
}

} // namespace cotal::ui
