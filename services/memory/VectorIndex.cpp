#include "memory/VectorIndex.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace caseyos {

namespace {

// int8 · int8 summed in int32. This loop is the whole cost of a search (150 MB of bytes per query at 100 000
// vectors), so it is built vectorized whatever the build type, in an AVX2 clone picked at load time where the
// CPU has it (glibc ifunc) and an SSE2 one elsewhere: about 10× the plain -O2 loop.
#if defined(__GNUC__) && defined(__x86_64__) && defined(__linux__)
__attribute__((target_clones("avx2", "default"), optimize("O3", "tree-vectorize")))
#endif
std::int32_t dot(const std::int8_t* a, const std::int8_t* b, int n)
{
    std::int32_t sum = 0;
    for (int i = 0; i < n; ++i)
        sum += std::int32_t(a[i]) * std::int32_t(b[i]);
    return sum;
}

} // namespace

QuantizedVector quantize(std::span<const float> values)
{
    QuantizedVector q;
    double norm = 0.0;
    float maxAbs = 0.0f;
    for (float v : values) {
        norm += double(v) * double(v);
        maxAbs = std::max(maxAbs, std::abs(v));
    }
    q.data = QByteArray(qsizetype(values.size()), '\0');
    if (norm <= 0.0 || maxAbs <= 0.0f)
        return q;
    const double length = std::sqrt(norm);
    // The largest component maps to ±127, so the whole byte range carries information.
    const double unitMax = double(maxAbs) / length;
    q.scale = float(unitMax / 127.0);
    for (size_t i = 0; i < values.size(); ++i) {
        const double unit = double(values[i]) / length;
        q.data[qsizetype(i)] = char(std::clamp(std::lround(unit / double(q.scale)), -127L, 127L));
    }
    return q;
}

VectorIndex::VectorIndex(int dims)
    : m_dims(dims)
{
}

void VectorIndex::reserve(qsizetype count)
{
    m_ids.reserve(size_t(count));
    m_scales.reserve(size_t(count));
    m_data.reserve(size_t(count) * size_t(m_dims));
}

bool VectorIndex::insert(qint64 id, const QuantizedVector& vector)
{
    if (m_dims == 0)
        m_dims = int(vector.data.size());
    if (vector.data.size() != m_dims)
        return false;
    const auto found = std::find(m_ids.begin(), m_ids.end(), id);
    if (found != m_ids.end()) {
        const size_t row = size_t(found - m_ids.begin());
        m_scales[row] = vector.scale;
        std::memcpy(m_data.data() + row * size_t(m_dims), vector.data.constData(), size_t(m_dims));
        return true;
    }
    m_ids.push_back(id);
    m_scales.push_back(vector.scale);
    const auto* bytes = reinterpret_cast<const std::int8_t*>(vector.data.constData());
    m_data.insert(m_data.end(), bytes, bytes + m_dims);
    return true;
}

void VectorIndex::remove(qint64 id)
{
    const auto found = std::find(m_ids.begin(), m_ids.end(), id);
    if (found == m_ids.end())
        return;
    // Move the last vector into the hole: order does not matter to a brute-force search.
    const size_t row = size_t(found - m_ids.begin());
    const size_t last = m_ids.size() - 1;
    if (row != last) {
        m_ids[row] = m_ids[last];
        m_scales[row] = m_scales[last];
        std::memcpy(m_data.data() + row * size_t(m_dims), m_data.data() + last * size_t(m_dims), size_t(m_dims));
    }
    m_ids.pop_back();
    m_scales.pop_back();
    m_data.resize(m_ids.size() * size_t(m_dims));
}

void VectorIndex::clear()
{
    m_ids.clear();
    m_scales.clear();
    m_data.clear();
}

QList<VectorHit> VectorIndex::search(std::span<const float> query, int k) const
{
    return search(quantize(query), k);
}

QList<VectorHit> VectorIndex::search(const QuantizedVector& query, int k) const
{
    if (k <= 0 || query.data.size() != m_dims || m_ids.empty() || query.scale == 0.0f)
        return {};
    const auto* q = reinterpret_cast<const std::int8_t*>(query.data.constData());
    // A heap of the best k so far with the worst of them on top: one comparison per vector once it is full.
    std::vector<VectorHit> best;
    best.reserve(size_t(k) + 1);
    auto better = [](const VectorHit& a, const VectorHit& b) {
        return a.score > b.score || (a.score == b.score && a.id < b.id);
    };
    for (size_t row = 0; row < m_ids.size(); ++row) {
        const float score = float(dot(q, m_data.data() + row * size_t(m_dims), m_dims)) * m_scales[row] * query.scale;
        if (best.size() == size_t(k) && !better({ m_ids[row], score }, best.front()))
            continue;
        best.push_back({ m_ids[row], score });
        std::push_heap(best.begin(), best.end(), better);
        if (best.size() > size_t(k)) {
            std::pop_heap(best.begin(), best.end(), better);
            best.pop_back();
        }
    }
    std::sort(best.begin(), best.end(), better);
    return QList<VectorHit>(best.begin(), best.end());
}

} // namespace caseyos
