// AdmissionGate: at most N requests at the database, first come first served,
// and a bounded wait for the rest.
#include "server/admissiongate.h"

#include <QTest>

#include <mutex>
#include <thread>
#include <vector>

using namespace rolecall::server;
using namespace std::chrono_literals;

class TestAdmissionGate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slotsAreTakenUpToTheLimit_data();
    void slotsAreTakenUpToTheLimit();
    void aLeavingTicketAdmitsTheFirstWaiter();
    void waitersAreAdmittedInTheOrderTheyCame();
    void aWaiterWhoseWaitPassesLeavesTheQueue();
    void aMovedTicketReleasesItsSlotOnce();
};

void TestAdmissionGate::slotsAreTakenUpToTheLimit_data()
{
    QTest::addColumn<int>("slots");
    QTest::addColumn<int>("admitted");
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("eight") << 8 << 8;
    QTest::newRow("none asked: one all the same") << 0 << 1;
}

void TestAdmissionGate::slotsAreTakenUpToTheLimit()
{
    QFETCH(int, slots);
    QFETCH(int, admitted);
    AdmissionGate gate(slots);
    std::vector<AdmissionGate::Ticket> tickets;
    for (int i = 0; i < admitted; ++i) {
        auto ticket = gate.enter(0ms);
        QVERIFY(ticket);
        tickets.push_back(std::move(*ticket));
    }
    QCOMPARE(gate.inside(), admitted);
    QVERIFY(!gate.enter(0ms));
    tickets.clear();
    QCOMPARE(gate.inside(), 0);
    QVERIFY(gate.enter(0ms));
}

void TestAdmissionGate::aLeavingTicketAdmitsTheFirstWaiter()
{
    AdmissionGate gate(1);
    auto held = std::make_optional(*gate.enter(0ms));
    bool admitted = false;
    std::thread waiter([&] { admitted = gate.enter(60s).has_value(); });
    QTRY_COMPARE(gate.waiting(), 1);
    held.reset();
    waiter.join();
    QVERIFY(admitted);
    QCOMPARE(gate.waiting(), 0);
    QCOMPARE(gate.inside(), 0); // the waiter's ticket is gone with its thread's scope
}

void TestAdmissionGate::waitersAreAdmittedInTheOrderTheyCame()
{
    AdmissionGate gate(1);
    auto held = std::make_optional(*gate.enter(0ms));
    std::mutex orderMutex;
    std::vector<int> order;
    std::vector<std::thread> waiters;
    for (int i = 0; i < 4; ++i) {
        waiters.emplace_back([&, i] {
            const auto ticket = gate.enter(60s);
            const std::lock_guard lock(orderMutex);
            order.push_back(ticket ? i : -1);
        });
        QTRY_COMPARE(gate.waiting(), i + 1); // in the queue before the next one comes
    }
    held.reset();
    for (auto &waiter : waiters)
        waiter.join();
    QCOMPARE(order, (std::vector<int>{0, 1, 2, 3}));
}

void TestAdmissionGate::aWaiterWhoseWaitPassesLeavesTheQueue()
{
    AdmissionGate gate(1);
    const auto held = gate.enter(0ms);
    QVERIFY(held);
    QVERIFY(!gate.enter(50ms));
    QCOMPARE(gate.waiting(), 0);
    QCOMPARE(gate.inside(), 1);
}

void TestAdmissionGate::aMovedTicketReleasesItsSlotOnce()
{
    AdmissionGate gate(2);
    {
        auto first = gate.enter(0ms);
        QVERIFY(first);
        AdmissionGate::Ticket moved(std::move(*first));
        first.reset();
        QCOMPARE(gate.inside(), 1);
    }
    QCOMPARE(gate.inside(), 0);
}

QTEST_GUILESS_MAIN(TestAdmissionGate)
#include "tst_admissiongate.moc"
