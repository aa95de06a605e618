#include "core/endpoint/handledids.h"

namespace cotal::endpoint {

HandledIds::HandledIds()
{
    m_current.reserve(kRotateAt);
    m_previous.reserve(kRotateAt);
}

void HandledIds::insert(const QString &id)
{
    if (m_current.size() >= kRotateAt) {
        m_previous.swap(m_current);
        m_current.clear();
        m_current.reserve(kRotateAt);
    }
    m_current.insert(id);
}

void HandledIds::clear()
{
    m_current.clear();
    m_previous.clear();
}

} // namespace cotal::endpoint
