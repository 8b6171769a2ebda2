#include "server/admissiongate.h"

#include <algorithm>
#include <utility>

namespace rolecall::server {

AdmissionGate::AdmissionGate(int slots)
    : m_slots(std::max(1, slots))
{}

AdmissionGate::~AdmissionGate() = default;

AdmissionGate::Ticket::Ticket(Ticket &&other) noexcept
    : m_gate(std::exchange(other.m_gate, nullptr))
{}

AdmissionGate::Ticket::~Ticket()
{
    if (m_gate)
        m_gate->leave();
}

std::optional<AdmissionGate::Ticket> AdmissionGate::enter(std::chrono::milliseconds wait)
{
    std::unique_lock lock(m_mutex);
    if (m_queue.empty() && m_inside < m_slots) {
        ++m_inside;
        return Ticket(this);
    }
    Waiter self;
    m_queue.push_back(&self);
    const bool admitted = m_changed.wait_for(lock, wait, [&self] { return self.admitted; });
    if (admitted)
        return Ticket(this); // leave() counted us in already
    m_queue.remove(&self);
    return std::nullopt;
}

void AdmissionGate::leave()
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_queue.empty()) {
            --m_inside;
            return;
        }
        // The slot passes straight to the first in the queue: nobody who came
        // later can take it in between.
        m_queue.front()->admitted = true;
        m_queue.pop_front();
    }
    m_changed.notify_all();
}

int AdmissionGate::inside() const
{
    const std::lock_guard lock(m_mutex);
    return m_inside;
}

int AdmissionGate::waiting() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_queue.size());
}

} // namespace rolecall::server
