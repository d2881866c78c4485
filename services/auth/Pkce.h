#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace caseyos::pkce {

// RFC 7636 limits for code_verifier: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~].
inline constexpr int kMinVerifierLength = 43;
inline constexpr int kMaxVerifierLength = 128;
inline constexpr int kDefaultVerifierLength = 64;

// A fresh code verifier of `length` characters (clamped to 43..128) drawn uniformly from the unreserved set
// with the operating system's CSPRNG (QRandomGenerator::system()).
QByteArray generateCodeVerifier(int length = kDefaultVerifierLength);

// True when `verifier` has a length of 43..128 and only unreserved characters.
bool isValidCodeVerifier(QByteArrayView verifier);

// The S256 code challenge: BASE64URL(SHA-256(ASCII(verifier))) without '=' padding.
QByteArray codeChallengeS256(QByteArrayView verifier);

// A fresh, unguessable OAuth `state`: 32 CSPRNG bytes as base64url without padding (43 characters).
QByteArray generateState();

// Compares two secrets in time that depends only on their lengths, not on where they first differ, so a
// forged `state` (or any token) cannot be guessed byte by byte from response timings. Different lengths are
// unequal (lengths are not secret).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// One authorization attempt's PKCE values and the extra request parameters they imply.
struct PkcePair
{
    QByteArray verifier;
    QByteArray challenge;

    static PkcePair generate(int length = kDefaultVerifierLength);
    // For the authorization request: code_challenge and code_challenge_method=S256.
    QList<QPair<QString, QString>> authorizationParameters() const;
    // For the token request: code_verifier.
    QList<QPair<QString, QString>> tokenParameters() const;
};

} // namespace caseyos::pkce
