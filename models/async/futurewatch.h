#pragma once

#include "domain/datasourceerror.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <exception>

namespace rolecall {

// Calls onValue(result) or onError(message) on `context`'s thread when `future`
// finishes. Nothing is called once `context` is gone, so a model or window can
// drop out while a query still runs.
template <typename T, typename OnValue, typename OnError>
void watchFuture(const QFuture<T> &future, QObject *context, OnValue onValue, OnError onError)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, onValue = std::move(onValue), onError = std::move(onError)] {
                         watcher->deleteLater();
                         QString failure;
                         try {
                             watcher->waitForFinished(); // rethrows the task's exception
                         } catch (const DataSourceError &e) {
                             failure = e.message();
                         } catch (const std::exception &e) {
                             failure = QString::fromLocal8Bit(e.what());
                         }
                         if (!failure.isEmpty())
                             onError(failure);
                         else if (watcher->isCanceled())
                             onError(QStringLiteral("The request was cancelled."));
                         else
                             onValue(watcher->result());
                     });
    watcher->setFuture(future);
}

} // namespace rolecall
