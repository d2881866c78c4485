// PKCE (RFC 7636) and OAuth `state` helpers: the values an authorization server checks.
#include "auth/Pkce.h"

#include <QSet>
#include <gtest/gtest.h>

using namespace caseyos::pkce;

namespace {

bool onlyUnreserved(const QByteArray& text)
{
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

TEST(Pkce, ChallengeMatchesRfc7636AppendixB)
{
    // RFC 7636 appendix B: the verifier and the S256 challenge a conforming server expects for it (also what
    // `openssl dgst -sha256 -binary | base64url` gives for this verifier).
    EXPECT_EQ(codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

TEST(Pkce, ChallengeIsBase64UrlWithoutPadding)
{
    // SHA-256 is 32 bytes: 43 base64 characters; '+', '/' and '=' would break the query string.
    for (int i = 0; i < 200; ++i) {
        const QByteArray challenge = codeChallengeS256(generateCodeVerifier());
        ASSERT_EQ(challenge.size(), 43);
        EXPECT_FALSE(challenge.contains('+') || challenge.contains('/') || challenge.contains('='))
            << challenge.constData();
    }
}

TEST(Pkce, VerifierHasRequestedLengthWithinRfcLimits)
{
    EXPECT_EQ(generateCodeVerifier().size(), kDefaultVerifierLength);
    EXPECT_EQ(generateCodeVerifier(43).size(), 43);
    EXPECT_EQ(generateCodeVerifier(128).size(), 128);
    // Out-of-range requests are clamped: a 10-character verifier would be rejected by the server.
    EXPECT_EQ(generateCodeVerifier(10).size(), 43);
    EXPECT_EQ(generateCodeVerifier(500).size(), 128);
}

TEST(Pkce, VerifierUsesOnlyAndAllOfTheUnreservedSet)
{
    QSet<char> seen;
    for (int i = 0; i < 300; ++i) {
        const QByteArray verifier = generateCodeVerifier(128);
        ASSERT_TRUE(onlyUnreserved(verifier)) << verifier.constData();
        ASSERT_TRUE(isValidCodeVerifier(verifier));
        for (char c : verifier)
            seen.insert(c);
    }
    // 38 400 draws from 66 characters: a generator limited to letters and digits (or dropping '~') fails
    // here.
    EXPECT_EQ(seen.size(), 66);
}

TEST(Pkce, VerifiersAndStatesAreFreshEachTime)
{
    QSet<QByteArray> verifiers;
    QSet<QByteArray> states;
    for (int i = 0; i < 1000; ++i) {
        verifiers.insert(generateCodeVerifier());
        states.insert(generateState());
    }
    EXPECT_EQ(verifiers.size(), 1000);
    EXPECT_EQ(states.size(), 1000);
}

TEST(Pkce, StateIsUrlSafe)
{
    const QByteArray state = generateState();
    EXPECT_EQ(state.size(), 43); // 32 random bytes
    EXPECT_TRUE(onlyUnreserved(state)) << state.constData();
}

TEST(Pkce, RejectsInvalidVerifiers)
{
    EXPECT_FALSE(isValidCodeVerifier(QByteArray(42, 'a')));
    EXPECT_TRUE(isValidCodeVerifier(QByteArray(43, 'a')));
    EXPECT_TRUE(isValidCodeVerifier(QByteArray(128, '~')));
    EXPECT_FALSE(isValidCodeVerifier(QByteArray(129, 'a')));
    EXPECT_FALSE(isValidCodeVerifier(QByteArray(QByteArray(42, 'a') + '+')));
    EXPECT_FALSE(isValidCodeVerifier(QByteArray(QByteArray(42, 'a') + '=')));
    EXPECT_FALSE(isValidCodeVerifier(QByteArray(QByteArray(42, 'a') + ' ')));
}

TEST(Pkce, ConstantTimeEqualsComparesWholeValues)
{
    const QByteArray state = generateState();
    EXPECT_TRUE(constantTimeEquals(state, QByteArray(state)));
    QByteArray lastDiffers = state;
    lastDiffers[lastDiffers.size() - 1] = lastDiffers.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(constantTimeEquals(state, lastDiffers));
    QByteArray firstDiffers = state;
    firstDiffers[0] = firstDiffers.front() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(constantTimeEquals(state, firstDiffers));
    EXPECT_FALSE(constantTimeEquals(state, state.left(42)));
    EXPECT_FALSE(constantTimeEquals(state, QByteArray()));
    EXPECT_TRUE(constantTimeEquals(QByteArray(), QByteArray()));
}

TEST(Pkce, PairGivesTheRequestParameters)
{
    const PkcePair pair = PkcePair::generate();
    EXPECT_EQ(pair.challenge, codeChallengeS256(pair.verifier));
    const auto auth = pair.authorizationParameters();
    ASSERT_EQ(auth.size(), 2);
    EXPECT_EQ(auth[0].first, QStringLiteral("code_challenge"));
    EXPECT_EQ(auth[0].second, QString::fromLatin1(pair.challenge));
    EXPECT_EQ(auth[1].first, QStringLiteral("code_challenge_method"));
    EXPECT_EQ(auth[1].second, QStringLiteral("S256"));
    const auto token = pair.tokenParameters();
    ASSERT_EQ(token.size(), 1);
    EXPECT_EQ(token[0].first, QStringLiteral("code_verifier"));
    EXPECT_EQ(token[0].second, QString::fromLatin1(pair.verifier));
}
