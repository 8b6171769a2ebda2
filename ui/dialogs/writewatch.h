#pragma once

#include "domain/datasourceerror.h"

#include <QFutureWatcher>
#include <QObject>

#include <exception>

namespace rolecall {

// Like watchFuture(), but onError gets the DataSourceError itself, so a dialog
// can tell a conflict or a lost connection (refresh the view) from bad input.
template <typename T, typename OnValue, typename OnError>
void watchWrite(const QFuture<T> &future, QObject *context, OnValue onValue, OnError onError)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, onValue = std::move(onValue), onError = std::move(onError)] {
                         watcher->deleteLater();
                         try {
                             watcher->waitForFinished(); // rethrows the task's exception
                         } catch (const DataSourceError &e) {
                             onError(e);
                             return;
                         } catch (const std::exception &e) {
                             onError(DataSourceError(DataSourceError::Kind::Query,
                                                     QString::fromLocal8Bit(e.what())));
                             return;
                         }
                         if (watcher->isCanceled())
                             onError(DataSourceError(DataSourceError::Kind::Query,
                                                     QStringLiteral("The request was cancelled.")));
                         else
                             onValue(watcher->result());
                     });
    watcher->setFuture(future);
}

// A stale view or a lost connection: the dialog keeps what was typed and the
// window reloads what it shows.
inline bool needsRefresh(const DataSourceError &error)
{
    return error.kind() == DataSourceError::Kind::Conflict ||
           error.kind() == DataSourceError::Kind::Connection;
}

} // namespace rolecall
