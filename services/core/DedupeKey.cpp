#include "core/DedupeKey.h"

#include "core/CanonicalJson.h"
#include "core/Signal.h"

#include <QCryptographicHash>
#include <cstdint>
#include <cstring>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define CASEYOS_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace caseyos {

namespace {

#ifdef CASEYOS_SHA_NI
// SHA-256 with the x86 SHA extensions (most CPUs since 2017–2019). QCryptographicHash's portable code
// costs ~0.6 µs for a typical key text; this takes ~0.1 µs, and a dedupe key is computed for every
// ingested signal. Results are checked against QCryptographicHash in unit_dedupe.

bool cpuHasShaNi()
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return false;
    const bool sse41 = c & (1u << 19);
    const bool ssse3 = c & (1u << 9);
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return false;
    const bool sha = b & (1u << 29);
    return sse41 && ssse3 && sha;
}

alignas(16) constexpr std::uint32_t kRoundConstants[64]
    = { 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
          0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
          0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
          0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
          0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
          0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
          0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
          0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2 };

// Compresses whole 64-byte blocks into `state` (the layout of Intel's reference code).
__attribute__((target("sha,sse4.1,ssse3"))) void compressShaNi(
    std::uint32_t state[8], const unsigned char* data, size_t blocks)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
    tmp = _mm_shuffle_epi32(tmp, 0xB1); // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B); // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8); // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0); // CDGH

    for (; blocks > 0; --blocks, data += 64) {
        const __m128i abefSave = state0;
        const __m128i cdghSave = state1;
        __m128i w[4];
        for (int i = 0; i < 16; ++i) { // 16 groups of 4 rounds
            __m128i msg;
            if (i < 4) {
                msg = _mm_shuffle_epi8(
                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * i)), byteSwap);
            } else {
                // W[i] = σ-schedule of the four previous groups.
                const __m128i partial = _mm_add_epi32(_mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]),
                    _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
                msg = _mm_sha256msg2_epu32(partial, w[(i + 3) & 3]);
            }
            w[i & 3] = msg;
            __m128i wk = _mm_add_epi32(
                msg, _mm_load_si128(reinterpret_cast<const __m128i*>(&kRoundConstants[4 * i])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, wk);
            wk = _mm_shuffle_epi32(wk, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, wk);
        }
        state0 = _mm_add_epi32(state0, abefSave);
        state1 = _mm_add_epi32(state1, cdghSave);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B); // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1); // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8); // ABEF
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}

void sha256ShaNi(QByteArrayView message, unsigned char out[32])
{
    std::uint32_t state[8]
        = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    const auto* bytes = reinterpret_cast<const unsigned char*>(message.data());
    const size_t length = size_t(message.size());
    const size_t whole = length / 64;
    compressShaNi(state, bytes, whole);

    // Padding: 0x80, zeros, then the bit length big-endian, in one or two final blocks.
    unsigned char tail[128] = {};
    const size_t rest = length - whole * 64;
    if (rest > 0)
        std::memcpy(tail, bytes + whole * 64, rest);
    tail[rest] = 0x80;
    const size_t tailBlocks = rest + 1 + 8 <= 64 ? 1 : 2;
    const std::uint64_t bits = std::uint64_t(length) * 8;
    for (int i = 0; i < 8; ++i)
        tail[tailBlocks * 64 - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
    compressShaNi(state, tail, tailBlocks);

    for (int i = 0; i < 8; ++i) {
        out[4 * i] = static_cast<unsigned char>(state[i] >> 24);
        out[4 * i + 1] = static_cast<unsigned char>(state[i] >> 16);
        out[4 * i + 2] = static_cast<unsigned char>(state[i] >> 8);
        out[4 * i + 3] = static_cast<unsigned char>(state[i]);
    }
}
#endif

QString toHex(const unsigned char* digest, int size)
{
    static constexpr char16_t hex[] = u"0123456789abcdef";
    QString text(size * 2, Qt::Uninitialized);
    auto* out = reinterpret_cast<char16_t*>(text.data());
    for (int i = 0; i < size; ++i) {
        *out++ = hex[digest[i] >> 4];
        *out++ = hex[digest[i] & 0xF];
    }
    return text;
}

} // namespace

QByteArray sha256(QByteArrayView message)
{
    QByteArray digest(32, Qt::Uninitialized);
#ifdef CASEYOS_SHA_NI
    static const bool shaNi = cpuHasShaNi();
    if (shaNi) {
        sha256ShaNi(message, reinterpret_cast<unsigned char*>(digest.data()));
        return digest;
    }
#endif
    return QCryptographicHash::hash(message, QCryptographicHash::Sha256);
}

QString dedupeKey(
    const QString& source, const QString& eventType, const QString& sourceId, const QJsonObject& payload)
{
    // Hot path (every ingested signal): one reused buffer per thread, and the canonical object is written
    // directly — its keys are fixed and already in code point order
    // ("event_type" < "payload" < "source" < "source_id"), so no QJsonObject is built per signal.
    thread_local QByteArray canonical;
    canonical.resize(0); // keeps the capacity
    canonical.append("{\"event_type\":");
    appendCanonicalJsonString(canonical, eventType);
    if (sourceId.isNull()) {
        canonical.append(",\"payload\":");
        appendCanonicalJson(canonical, payload);
        canonical.append(",\"source\":");
        appendCanonicalJsonString(canonical, source);
    } else {
        canonical.append(",\"source\":");
        appendCanonicalJsonString(canonical, source);
        canonical.append(",\"source_id\":");
        appendCanonicalJsonString(canonical, sourceId);
    }
    canonical.append('}');

    unsigned char digest[32];
#ifdef CASEYOS_SHA_NI
    static const bool shaNi = cpuHasShaNi();
    if (shaNi)
        sha256ShaNi(canonical, digest);
    else
#endif
    {
        thread_local QCryptographicHash hasher(QCryptographicHash::Sha256);
        hasher.reset();
        hasher.addData(canonical);
        std::memcpy(digest, hasher.resultView().data(), sizeof digest);
    }
    if (canonical.capacity() > (1 << 20))
        canonical = QByteArray(); // do not keep a huge payload's buffer alive for the thread's lifetime
    return toHex(digest, sizeof digest);
}

QString dedupeKey(const Signal& signal)
{
    return dedupeKey(signal.source, signal.eventType, signal.sourceId, signal.payload);
}

} // namespace caseyos
