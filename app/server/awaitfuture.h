#pragma once

#include <QFuture>

#include <memory>
#include <semaphore>

namespace rolecall::server {

// Waits on this (non-Qt) worker thread for a future the data source's pool
// finishes, and returns its result or rethrows its exception. Unlike
// QFuture::result() it never runs a task that has not started yet on this
// thread (Qt "steals" queued work into waitForFinished()), so SQL only ever
// runs on the pool's own threads with their own sessions.
template <typename T>
T awaitFuture(QFuture<T> future)
{
    if (!future.isFinished()) {
        auto done = std::make_shared<std::binary_semaphore>(0);
        future.then(QtFuture::Launch::Sync, [done](const QFuture<T> &) { done->release(); });
        done->acquire();
    }
    if constexpr (std::is_void_v<T>)
        future.waitForFinished(); // finished: only rethrows
    else
        return future.result();
}

} // namespace rolecall::server
