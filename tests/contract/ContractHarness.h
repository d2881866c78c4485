#pragma once

#include "FakeClock.h"
#include "PrismMock.h"
#include "WaitFor.h"
#include "connectors/clients/ClientTypes.h"
#include "connectors/clients/HealthCheck.h"
#include "net/HttpClient.h"

#include <QObject>

#include <gtest/gtest.h>

#include <optional>

namespace caseyos::test {

// The secret every contract test sends: a canary that must never show in output.
inline constexpr char16_t kCanaryKey[] = u"sk-contract-canary-7f3a9c";

// A started Prism for one spec plus an HttpClient, and a way to run one client call to its end and check
// what Prism thought of the request.
class ContractTest : public ::testing::Test
{
protected:
    void startPrism(const QString& spec)
    {
        QString error;
        ASSERT_TRUE(m_prism.start(spec, &error)) << error.toStdString();
    }

    ClientConfig config(const QString& basePath) const
    {
        ClientConfig c;
        c.baseUrl = m_prism.url(basePath);
        c.token = caseyos::fixedToken(QString::fromUtf16(kCanaryKey));
        c.timeoutMs = 20000;
        return c;
    }

    // Runs `start(done)` where done receives an R; returns it after Prism logged its verdict on the request,
    // with m_lastViolations / m_lastPassed set from the log.
    template<typename R, typename Start>
    R awaitVerdict(Start start)
    {
        const qsizetype offset = m_prism.logSize();
        std::optional<R> result;
        start([&result](const R& r) { result = r; });
        EXPECT_TRUE(waitFor([&] { return result.has_value(); }, 30000)) << "no answer";
        EXPECT_TRUE(m_prism.waitForFinished(offset, 1)) << "Prism logged no answer";
        const QString segment = m_prism.logSince(offset);
        m_lastViolations = PrismMock::requestViolations(segment);
        m_lastPassed = segment.contains(QLatin1StringView("The request passed the validation rules"));
        return result.value_or(R {});
    }

    // Runs `call(done)` where done receives a ClientResult<T>; returns it after Prism logged the request.
    template<typename T, typename Call>
    ClientResult<T> run(Call call)
    {
        return awaitVerdict<ClientResult<T>>(call);
    }

    // Sends one request as it is (never retried) and returns Prism's answer once Prism logged its verdict.
    HttpResult sendRaw(HttpRequest request)
    {
        request.retry = false;
        return awaitVerdict<HttpResult>([&](auto done) { m_http.send(request, &m_context, done); });
    }

    // sendRaw with the canary key as Bearer token, for hand-made requests to APIs that require one.
    HttpResult runRaw(HttpRequest request)
    {
        request.headers.append(
            { QByteArrayLiteral("Authorization"), "Bearer " + QString::fromUtf16(kCanaryKey).toUtf8() });
        return sendRaw(std::move(request));
    }

    // The request passed Prism's validation: Prism logged that it passed, no validator finding, and no refusal
    // by status. mockCannotAnswer: Prism cannot build this reply (an SSE stream), so only refusals count.
    template<typename T>
    void expectAccepted(const ClientResult<T>& result, const char* what, bool mockCannotAnswer = false)
    {
        EXPECT_TRUE(m_lastPassed) << what << ": Prism did not log that the request passed validation";
        EXPECT_TRUE(m_lastViolations.isEmpty()) << what << ": " << m_lastViolations.join(u'\n').toStdString();
        const ClientErrorKind kind = result.error.kind;
        const bool refused = kind == ClientErrorKind::Rejected || kind == ClientErrorKind::Auth
            || kind == ClientErrorKind::NoCredential || kind == ClientErrorKind::Unreachable;
        const bool accepted = result.ok() || (mockCannotAnswer && !refused);
        EXPECT_TRUE(accepted) << what << ": " << clientErrorKindName(result.error.kind).toStdString() << " "
                              << result.error.message.toStdString();
    }

    // The provider's health check (HealthChecker) against this Prism, base URL = Prism + basePath.
    void expectHealthy(const QString& provider, const QString& basePath)
    {
        HealthEndpoints endpoints;
        endpoints.set(provider, m_prism.url(basePath));
        HealthChecker checker(m_http, endpoints);
        const auto health = run<HealthReport>([&](auto done) {
            checker.check(provider, caseyos::fixedToken(QString::fromUtf16(kCanaryKey)), &m_context,
                [done](const HealthReport& report) {
                    ClientResult<HealthReport> r;
                    r.value = report;
                    if (report.status != HealthStatus::Ok)
                        r.error = { ClientErrorKind::Rejected, 0, report.message };
                    done(r);
                });
        });
        expectAccepted(health, qPrintable(provider + QStringLiteral(" health check")));
    }

    FakeClock m_clock;
    HttpClient m_http { m_clock };
    PrismMock m_prism;
    QStringList m_lastViolations;
    bool m_lastPassed = false;
    QObject m_context;
};

} // namespace caseyos::test
