#pragma once

#include "ui/feedmodel.h"

#include <QAbstractItemModel>
#include <QFuture>
#include <QTest>

namespace cotal::testing {

inline constexpr int kWindowWaitMs = 30000;

// The future's result once it finished, spinning the event loop meanwhile; T{} after the bound.
template<typename T> T await(const QFuture<T> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, kWindowWaitMs) ||
        future.resultCount() == 0)
        return T{};
    return future.result();
}

// Whether a feed (the model or a proxy over it) shows a message containing `text`.
inline bool feedContains(const QAbstractItemModel *feed, const QString &text)
{
    for (int row = 0; row < feed->rowCount(); ++row) {
        if (feed->index(row, ui::FeedModel::Text)
                .data(ui::FeedModel::RawRole)
                .toString()
                .contains(text))
            return true;
    }
    return false;
}

} // namespace cotal::testing
