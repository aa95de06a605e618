#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace cotal::nats::detail {

// Hands items from cnats threads to one Qt thread in batches. post() may be called from any
// thread; it queues the item and, only when the queue was empty, posts ONE queued call that
// drains everything queued by then. The handler runs on the context's thread and never after
// close() returned on that thread, nor after the context object was destroyed.
//
// The queued call targets a private receiver object that lives exactly as long as the mailbox,
// never the context itself: a cnats thread cannot know whether the context is being deleted,
// but the mailbox is kept alive by the shared_ptr the posting thread holds.
template<typename T> class Mailbox final : public std::enable_shared_from_this<Mailbox<T>>
{
public:
    using Handler = std::function<void(QList<T> &&)>;

    // maxQueued bounds the backlog; items beyond it are dropped and counted (slow consumer),
    // also in dropSink when given (a total shared by several mailboxes).
    Mailbox(QObject *context, Handler handler, qsizetype maxQueued = -1,
            std::shared_ptr<std::atomic<quint64>> dropSink = {})
        : m_context(context)
        , m_handler(std::move(handler))
        , m_maxQueued(maxQueued)
        , m_dropSink(std::move(dropSink))
        , m_receiver(new QObject)
    {
        m_receiver->moveToThread(context->thread());
    }

    ~Mailbox()
    {
        // Possibly on a cnats thread; deleteLater is the thread-safe way to end a QObject.
        m_receiver->deleteLater();
    }

    Mailbox(const Mailbox &) = delete;
    Mailbox &operator=(const Mailbox &) = delete;

    // Returns false when the mailbox is closed (the item was not taken) or the item was dropped.
    bool post(T item)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_open)
                return false;
            if (m_maxQueued >= 0 && m_queue.size() >= m_maxQueued) {
                ++m_dropped;
                if (m_dropSink)
                    m_dropSink->fetch_add(1, std::memory_order_relaxed);
                return false;
            }
            m_queue.append(std::move(item));
            if (m_queue.size() > 1)
                return true;
        }
        // A weak reference: a queued call still pending when the application ends is destroyed
        // under Qt's posted-event lock, and must not run the destructor (it posts deleteLater).
        QMetaObject::invokeMethod(
            m_receiver,
            [weak = this->weak_from_this()] {
                if (const auto self = weak.lock())
                    self->drain();
            },
            Qt::QueuedConnection);
        return true;
    }

    // Stops delivery and returns what was still queued. Call it on the context's thread to be
    // sure no handler runs afterwards.
    QList<T> close()
    {
        Handler released;
        QList<T> leftovers;
        {
            std::lock_guard lock(m_mutex);
            m_open = false;
            leftovers.swap(m_queue);
            // A handler that is running right now is released when it returns.
            if (!m_inHandler)
                released = std::move(m_handler);
        }
        return leftovers;
    }

    quint64 dropped() const
    {
        std::lock_guard lock(m_mutex);
        return m_dropped;
    }

private:
    void drain()
    {
        QList<T> batch;
        {
            std::lock_guard lock(m_mutex);
            if (!m_open)
                return;
            if (!m_context) {
                // The context is gone: nothing may be delivered any more.
                m_open = false;
                m_queue.clear();
                return;
            }
            batch.swap(m_queue);
            m_inHandler = true;
        }
        if (!batch.isEmpty())
            m_handler(std::move(batch));
        Handler released;
        std::lock_guard lock(m_mutex);
        m_inHandler = false;
        if (!m_open)
            released = std::move(m_handler);
    }

    mutable std::mutex m_mutex;
    QPointer<QObject> m_context; // read on the context's thread only
    Handler m_handler;
    QList<T> m_queue;
    qsizetype m_maxQueued;
    quint64 m_dropped = 0;
    std::shared_ptr<std::atomic<quint64>> m_dropSink;
    bool m_open = true;
    bool m_inHandler = false;
    QObject *m_receiver;
};

} // namespace cotal::nats::detail
