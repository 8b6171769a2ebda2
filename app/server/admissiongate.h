#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <list>
#include <mutex>
#include <optional>

namespace rolecall::server {

// Lets at most `slots` requests work on the database at once, first come first
// served; a request that cannot get in within its wait is told so (the server
// answers 503 with Retry-After) instead of queueing for ever behind the others.
// It keeps the HTTP connections (many, mostly idle) apart from the PostgreSQL
// sessions (few, always busy).
//
//   enter(wait) ─▶ a slot is free and nobody waits ─▶ Ticket (holds the slot)
//        │ else: at the end of the queue
//        ├─ a leaving Ticket hands its slot to the first in the queue ─▶ Ticket
//        └─ `wait` passes first ─▶ nullopt (out of the queue)
class AdmissionGate
{
public:
    explicit AdmissionGate(int slots);
    ~AdmissionGate();
    Q_DISABLE_COPY_MOVE(AdmissionGate)

    // Holds one slot until destroyed.
    class Ticket
    {
    public:
        Ticket(Ticket &&other) noexcept;
        Ticket &operator=(Ticket &&) = delete;
        Ticket(const Ticket &) = delete;
        Ticket &operator=(const Ticket &) = delete;
        ~Ticket();

    private:
        friend class AdmissionGate;
        explicit Ticket(AdmissionGate *gate)
            : m_gate(gate)
        {}
        AdmissionGate *m_gate;
    };

    // A slot within `wait`, or nullopt.
    std::optional<Ticket> enter(std::chrono::milliseconds wait);

    int slots() const { return m_slots; }
    int inside() const;
    int waiting() const;

private:
    struct Waiter
    {
        bool admitted = false;
    };
    void leave();

    const int m_slots;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_inside = 0;
    std::list<Waiter *> m_queue; // first come first served
};

} // namespace rolecall::server
