#pragma once

#include "moves/MoveRow.h"

#include <QtGlobal>
#include <cstdint>
#include <limits>
#include <vector>

namespace caseyos {

// Move id → the row record listed for it: an open-addressing table (linear probing, Fibonacci hashing) in two
// flat arrays. QHash allocates per bucket span as it fills, which made inserting one import batch's 5 000 ids
// into a 200 000-row index cost milliseconds on the UI thread; here an insert is a probe and two stores.
// Any id but the lowest qint64 (which marks an empty slot) can be a key.
class MoveIndex
{
public:
    MoveIndex() { rehash(16); }

    const MoveRow* value(qint64 id) const
    {
        for (size_t slot = home(id);; slot = (slot + 1) & m_mask) {
            if (m_ids[slot] == id)
                return m_records[slot];
            if (m_ids[slot] == kEmpty)
                return nullptr;
        }
    }
    bool contains(qint64 id) const { return value(id) != nullptr; }

    // Adds or replaces; returns the record it replaced (nullptr when the id was new).
    const MoveRow* insert(qint64 id, const MoveRow* record)
    {
        Q_ASSERT(id != kEmpty && record);
        if ((m_size + 1) * 4 > capacity() * 3)
            rehash(capacity() * 2);
        size_t slot = home(id);
        while (m_ids[slot] != kEmpty && m_ids[slot] != id)
            slot = (slot + 1) & m_mask;
        const MoveRow* previous = m_ids[slot] == id ? m_records[slot] : nullptr;
        if (!previous)
            ++m_size;
        m_ids[slot] = id;
        m_records[slot] = record;
        return previous;
    }

    // Removes the id; returns its record (nullptr when absent). Backward-shift deletion keeps every probe
    // chain unbroken without tombstones.
    const MoveRow* remove(qint64 id)
    {
        size_t slot = home(id);
        while (m_ids[slot] != id) {
            if (m_ids[slot] == kEmpty)
                return nullptr;
            slot = (slot + 1) & m_mask;
        }
        const MoveRow* removed = m_records[slot];
        size_t hole = slot;
        for (size_t next = (hole + 1) & m_mask; m_ids[next] != kEmpty; next = (next + 1) & m_mask) {
            const size_t want = home(m_ids[next]);
            // Move the entry back into the hole unless its home lies cyclically in (hole, next].
            const bool stays = hole <= next ? (want > hole && want <= next) : (want > hole || want <= next);
            if (!stays) {
                m_ids[hole] = m_ids[next];
                m_records[hole] = m_records[next];
                hole = next;
            }
        }
        m_ids[hole] = kEmpty;
        m_records[hole] = nullptr;
        --m_size;
        return removed;
    }

    void reserve(size_t count)
    {
        size_t wanted = 16;
        while (wanted * 3 < count * 4 + 4)
            wanted *= 2;
        if (wanted > capacity())
            rehash(wanted);
    }
    void clear()
    {
        std::fill(m_ids.begin(), m_ids.end(), kEmpty);
        std::fill(m_records.begin(), m_records.end(), nullptr);
        m_size = 0;
    }
    void swap(MoveIndex& other) noexcept
    {
        m_ids.swap(other.m_ids);
        m_records.swap(other.m_records);
        std::swap(m_mask, other.m_mask);
        std::swap(m_shift, other.m_shift);
        std::swap(m_size, other.m_size);
    }
    size_t size() const { return m_size; }

    template<typename Fn>
    void forEachRecord(Fn&& fn) const
    {
        for (size_t slot = 0; slot < m_ids.size(); ++slot)
            if (m_ids[slot] != kEmpty)
                fn(m_records[slot]);
    }

private:
    static constexpr qint64 kEmpty = std::numeric_limits<qint64>::min();
    size_t capacity() const { return m_ids.size(); }
    size_t home(qint64 id) const { return size_t((uint64_t(id) * 0x9E3779B97F4A7C15ULL) >> m_shift); }
    void rehash(size_t newCapacity)
    {
        std::vector<qint64> ids(newCapacity, kEmpty);
        std::vector<const MoveRow*> records(newCapacity, nullptr);
        ids.swap(m_ids);
        records.swap(m_records);
        m_mask = newCapacity - 1;
        m_shift = 64;
        for (size_t c = newCapacity; c > 1; c >>= 1)
            --m_shift;
        m_size = 0;
        for (size_t slot = 0; slot < ids.size(); ++slot)
            if (ids[slot] != kEmpty)
                insert(ids[slot], records[slot]);
    }

    std::vector<qint64> m_ids;
    std::vector<const MoveRow*> m_records;
    size_t m_mask = 0;
    int m_shift = 60;
    size_t m_size = 0;
};

} // namespace caseyos
