#pragma once

#include <algorithm>
#include <vector>

namespace caseyos {

// Merges `incoming` (sorted by `less`) into `sorted` (sorted by `less`, no element equal to an incoming one).
// Each incoming element's place is found by a galloping search, then the pointers between two places move as one
// block from the back: O(k log n) comparisons and O(n) pointer moves. A classic merge compares every
// element it passes, and with the rows scattered in memory those comparisons (cache misses on 200 000
// records) cost more than everything else in an import batch.
template<typename T, typename Less>
void mergeSortedInto(std::vector<T>& sorted, const std::vector<T>& incoming, Less less)
{
    if (incoming.empty())
        return;
    const size_t n = sorted.size();
    const size_t k = incoming.size();
    std::vector<size_t> places(k);
    size_t lowest = 0; // incoming is sorted, so each place is at or after the previous one
    for (size_t i = 0; i < k; ++i) {
        // Gallop from the previous place, then binary search the last step: neighbouring rows were loaded
        // together and sit together in memory, so this touches far fewer cache lines than a search from 0.
        size_t low = lowest;
        size_t high = lowest;
        size_t step = 1;
        while (high < n && less(sorted[high], incoming[i])) {
            low = high + 1;
            high = lowest + step;
            step *= 2;
        }
        high = std::min(high, n);
        lowest = static_cast<size_t>(std::lower_bound(sorted.begin() + static_cast<std::ptrdiff_t>(low),
                                         sorted.begin() + static_cast<std::ptrdiff_t>(high), incoming[i], less)
            - sorted.begin());
        places[i] = lowest;
    }
    sorted.resize(n + k);
    size_t end = n;
    for (size_t i = k; i-- > 0;) {
        const size_t place = places[i];
        std::move_backward(sorted.begin() + static_cast<std::ptrdiff_t>(place),
            sorted.begin() + static_cast<std::ptrdiff_t>(end), sorted.begin() + static_cast<std::ptrdiff_t>(end + i + 1));
        sorted[place + i] = incoming[i];
        end = place;
    }
}

} // namespace caseyos
