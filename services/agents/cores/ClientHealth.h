#pragma once

#include <QString>
#include <optional>

namespace caseyos::agents {

// The original's client health score (original-behaviour.md §14.6): weights engagement .20, response time
// .15, meeting attendance .15, deliverable feedback .20, payment timeliness .10, expansion .10, relationship
// depth .10; status ≥ 85 thriving, ≥ 70 healthy, ≥ 50 neutral, ≥ 30 at_risk, else critical.
struct ClientHealthInput
{
    std::optional<int> daysSinceContact; // nullopt: never in contact (scores as > 30 days)
    std::optional<double> avgResponseHours; // nullopt: no replies to measure (scores as > 48 h)
    int meetingsScheduled = 0;
    int meetingsAttended = 0;
    int positiveFeedback = 0;
    int negativeFeedback = 0;
    bool paymentLate = false; // the app has no invoices: callers pass false unless told otherwise
    int expansionDiscussions = 0;
    int contacts = 1; // people at the client the user deals with
};

struct ClientHealthScore
{
    double score = 0.0; // 0..100, one decimal
    QString status;
    double engagement = 0.0, response = 0.0, attendance = 0.0, feedback = 0.0, payment = 0.0, expansion = 0.0,
           depth = 0.0;
};

double engagementScore(std::optional<int> daysSinceContact); // ≤3 100, ≤7 80, ≤14 60, ≤30 40, else 20
double responseScore(std::optional<double> avgHours); // ≤4 100, ≤12 80, ≤24 60, ≤48 40, else 20
double depthScore(int contacts); // ≥4 100, 3 80, 2 60, else 40
QString clientHealthStatus(double score);
ClientHealthScore scoreClientHealth(const ClientHealthInput& input);

} // namespace caseyos::agents
