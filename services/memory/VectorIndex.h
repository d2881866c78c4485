#pragma once

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <span>
#include <vector>

namespace caseyos {

// A unit vector quantized to signed bytes: component ≈ data[i] × scale. A quarter of float32's size, and the
// dot product of two such vectors runs on bytes (1536 dimensions: 1.5 KB a vector, 150 MB for 100 000).
struct QuantizedVector
{
    float scale = 0.0f;
    QByteArray data; // int8 components
};

// Normalizes `values` to unit length and quantizes them. An all-zero vector gives scale 0 (matches nothing).
QuantizedVector quantize(std::span<const float> values);

struct VectorHit
{
    qint64 id = 0;
    float score = 0.0f; // cosine similarity, in [−1, 1]
};

// Brute-force cosine search over quantized unit vectors of one model and dimension, kept contiguously so a
// query streams through memory once. Exact over its contents (no approximate index to go stale); 100 000
// vectors of 1536 dimensions answer in a few tens of milliseconds on one core.
class VectorIndex
{
public:
    explicit VectorIndex(int dims = 0);

    int dims() const { return m_dims; }
    qsizetype size() const { return qsizetype(m_ids.size()); }
    void reserve(qsizetype count);

    // Adds or replaces the vector of `id`; false when the dimension does not match.
    bool insert(qint64 id, const QuantizedVector& vector);
    void remove(qint64 id);
    void clear();

    // The k most similar vectors, best first; ties by id for a stable order.
    QList<VectorHit> search(std::span<const float> query, int k) const;
    QList<VectorHit> search(const QuantizedVector& query, int k) const;

private:
    int m_dims = 0;
    std::vector<qint64> m_ids;
    std::vector<float> m_scales;
    std::vector<std::int8_t> m_data; // m_dims bytes per vector, in m_ids order
};

} // namespace caseyos
