// The in-memory SecretStore keeps the interface's promises: answers come
// later, on the context, and not at all once the context is gone.
#include "services/memorysecretstore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using rolecall::MemorySecretStore;
using rolecall::SecretStore;

namespace {

// Runs one call and waits (with the event loop running) for its answer.
template <typename Call>
std::optional<SecretStore::Result> answerOf(Call call)
{
    QObject context;
    std::optional<SecretStore::Result> result;
    call(&context, [&](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
        return std::nullopt;
    return result;
}

} // namespace

class TestMemorySecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersAsynchronously();
    void roundTrips();
    void answersUnavailableWhenSwitchedOff();
    void skipsTheCallbackWhenTheContextIsGone();
};

void TestMemorySecretStore::answersAsynchronously()
{
    MemorySecretStore store;
    QObject context;
    bool called = false;
    store.write(QStringLiteral("profiles/dev/session"), QByteArrayLiteral("v"), &context,
                [&](const SecretStore::Result &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    called = false;
    store.read(QStringLiteral("profiles/dev/session"), &context,
               [&](const SecretStore::Result &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

void TestMemorySecretStore::roundTrips()
{
    MemorySecretStore store;
    const QString key = SecretStore::profileKey(QStringLiteral("dev"), QStringLiteral("session"));
    QCOMPARE(key, QStringLiteral("profiles/dev/session"));
    const QByteArray value("secret\0value", 12);

    auto r = answerOf([&](QObject *c, SecretStore::Callback done) { store.read(key, c, done); });
    QVERIFY(r);
    QCOMPARE(r->status, SecretStore::Status::NotFound);

    r = answerOf([&](QObject *c, SecretStore::Callback done) { store.write(key, value, c, done); });
    QVERIFY(r);
    QCOMPARE(r->status, SecretStore::Status::Ok);
    QCOMPARE(store.keys(), QStringList{key});

    r = answerOf([&](QObject *c, SecretStore::Callback done) { store.read(key, c, done); });
    QVERIFY(r);
    QCOMPARE(r->status, SecretStore::Status::Ok);
    QCOMPARE(r->value, value);

    r = answerOf([&](QObject *c, SecretStore::Callback done) { store.remove(key, c, done); });
    QVERIFY(r);
    QCOMPARE(r->status, SecretStore::Status::Ok);
    r = answerOf([&](QObject *c, SecretStore::Callback done) { store.remove(key, c, done); });
    QVERIFY(r);
    QCOMPARE(r->status, SecretStore::Status::NotFound);
    QVERIFY(store.keys().isEmpty());
}

void TestMemorySecretStore::answersUnavailableWhenSwitchedOff()
{
    MemorySecretStore store;
    const QString key = QStringLiteral("profiles/dev/clerk-secret-key");
    QVERIFY(answerOf([&](QObject *c, SecretStore::Callback done) {
        store.write(key, QByteArrayLiteral("old"), c, done);
    }));
    store.setAvailable(false);
    QVERIFY(!store.isAvailable());

    auto r = answerOf([&](QObject *c, SecretStore::Callback done) {
        store.write(key, QByteArrayLiteral("sk_test_new"), c, done);
    });
    QVERIFY(r);
    QCOMPARE(r->status, SecretStore::Status::Unavailable);
    QVERIFY(!r->message.isEmpty());
    QVERIFY(!r->message.contains(QLatin1String("sk_test_new")));
    r = answerOf([&](QObject *c, SecretStore::Callback done) { store.read(key, c, done); });
    QCOMPARE(r->status, SecretStore::Status::Unavailable);
    QVERIFY(r->value.isEmpty());
    r = answerOf([&](QObject *c, SecretStore::Callback done) { store.remove(key, c, done); });
    QCOMPARE(r->status, SecretStore::Status::Unavailable);

    // Nothing changed while it was off.
    store.setAvailable(true);
    r = answerOf([&](QObject *c, SecretStore::Callback done) { store.read(key, c, done); });
    QCOMPARE(r->status, SecretStore::Status::Ok);
    QCOMPARE(r->value, QByteArrayLiteral("old"));
}

void TestMemorySecretStore::skipsTheCallbackWhenTheContextIsGone()
{
    MemorySecretStore store;
    int calls = 0;
    auto context = std::make_unique<QObject>();
    store.write(QStringLiteral("k"), QByteArrayLiteral("v"), context.get(),
                [&](const SecretStore::Result &) { ++calls; });
    store.read(QStringLiteral("k"), context.get(), [&](const SecretStore::Result &) { ++calls; });
    context.reset();
    // A later call on a live context proves the queue was processed.
    QObject alive;
    bool done = false;
    store.read(QStringLiteral("k"), &alive, [&](const SecretStore::Result &) { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(calls, 0);
    // A null context means nobody to answer to; again a later call proves it.
    store.remove(QStringLiteral("k"), nullptr, [&](const SecretStore::Result &) { ++calls; });
    done = false;
    store.read(QStringLiteral("k"), &alive, [&](const SecretStore::Result &) { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(calls, 0);
    QVERIFY(store.keys().isEmpty()); // but the call itself happened
}

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_memorysecretstore.moc"
