#pragma once

#include "domain/datasourceerror.h"

#include <QFuture>
#include <QPromise>

#include <memory>

namespace rolecall {

// Settles one QFuture from callbacks on the caller's thread (watchFuture()
// consumes it there). Copies share the promise; the first answer wins.
template <typename T>
class ApiSettle
{
public:
    ApiSettle()
        : m_promise(std::make_shared<QPromise<T>>())
    {
        m_promise->start();
    }
    QFuture<T> future() const { return m_promise->future(); }
    void value(T result) const
    {
        if (m_promise->future().isFinished())
            return;
        m_promise->addResult(std::move(result));
        m_promise->finish();
    }
    void fail(const DataSourceError &error) const
    {
        if (m_promise->future().isFinished())
            return;
        m_promise->setException(error);
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<T>> m_promise;
};

} // namespace rolecall
