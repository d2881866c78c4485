#include "Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace caseyos::pkce {

namespace {

constexpr std::string_view kUnreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
static_assert(kUnreserved.size() == 66);
// Largest multiple of 66 that fits a byte: bytes at or above it are redrawn so every character is equally
// likely (a plain `byte % 66` would favour the first 58 characters).
constexpr unsigned kAcceptBelow = 256 - 256 % kUnreserved.size(); // 198

bool isUnreserved(char c)
{
    return kUnreserved.find(c) != std::string_view::npos;
}

} // namespace

QByteArray generateCodeVerifier(int length)
{
    length = std::clamp(length, kMinVerifierLength, kMaxVerifierLength);
    QByteArray verifier;
    verifier.reserve(length);
    std::array<quint32, 32> words {};
    while (verifier.size() < length) {
        QRandomGenerator::system()->fillRange(words.data(), words.size());
        for (quint32 word : words) {
            for (int shift = 0; shift < 32 && verifier.size() < length; shift += 8) {
                const unsigned byte = (word >> shift) & 0xffu;
                if (byte < kAcceptBelow)
                    verifier.append(kUnreserved[byte % kUnreserved.size()]);
            }
        }
    }
    return verifier;
}

bool isValidCodeVerifier(QByteArrayView verifier)
{
    if (verifier.size() < kMinVerifierLength || verifier.size() > kMaxVerifierLength)
        return false;
    return std::all_of(verifier.begin(), verifier.end(), isUnreserved);
}

QByteArray codeChallengeS256(QByteArrayView verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray generateState()
{
    std::array<quint32, 8> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char*>(words.data()), int(words.size() * sizeof(quint32)));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    // Accumulate every difference instead of returning at the first one; volatile keeps the compiler from
    // turning the loop back into an early exit.
    volatile unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

PkcePair PkcePair::generate(int length)
{
    PkcePair pair;
    pair.verifier = generateCodeVerifier(length);
    pair.challenge = codeChallengeS256(pair.verifier);
    return pair;
}

QList<QPair<QString, QString>> PkcePair::authorizationParameters() const
{
    return { { u"code_challenge"_s, QString::fromLatin1(challenge) },
        { u"code_challenge_method"_s, u"S256"_s } };
}

QList<QPair<QString, QString>> PkcePair::tokenParameters() const
{
    return { { u"code_verifier"_s, QString::fromLatin1(verifier) } };
}

} // namespace caseyos::pkce
