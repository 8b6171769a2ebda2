#pragma once

#include "domain/datasourceerror.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <exception>
#include <type_traits>

namespace rolecall {

// Calls onValue(result) or onError(...) on `context`'s thread when `future`
// finishes. Nothing is called once `context` is gone, so a model, window or
// dialog can drop out while a query still runs.
//
// onError takes either the DataSourceError itself (a dialog that tells a
// conflict or a lost connection from bad input) or just its message (a model
// or screen that only shows it). Any other exception becomes a Query error; a
// cancelled future, "The request was cancelled."
template <typename T, typename OnValue, typename OnError>
void watchFuture(const QFuture<T> &future, QObject *context, OnValue onValue, OnError onError)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context,
        [watcher, onValue = std::move(onValue), onError = std::move(onError)] {
            watcher->deleteLater();
            const auto fail = [&onError](const DataSourceError &error) {
                if constexpr (std::is_invocable_v<const OnError &, const DataSourceError &>)
                    onError(error);
                else
                    onError(error.message());
            };
            try {
                watcher->waitForFinished(); // rethrows the task's exception
            } catch (const DataSourceError &e) {
                fail(e);
                return;
            } catch (const std::exception &e) {
                fail(DataSourceError(DataSourceError::Kind::Query,
                                     QString::fromLocal8Bit(e.what())));
                return;
            }
            if (watcher->isCanceled())
                fail(DataSourceError(DataSourceError::Kind::Query,
                                     QStringLiteral("The request was cancelled.")));
            else
                onValue(watcher->result());
        });
    watcher->setFuture(future);
}

} // namespace rolecall
