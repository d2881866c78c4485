#pragma once

#include <QDateTime>
#include <QList>
#include <QSize>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace caseyos::agents {

// The original's graphics_request sizes (original-behaviour.md §8.2): social LinkedIn 1200×1200, Twitter
// 1200×675, Instagram 1080×1080, Facebook 1200×630; presentation 1920×1080; infographic 800×2000; email
// header 600×200; banner 1920×400; thumbnail 1280×720.
std::optional<QSize> graphicSize(const QString& kind); // "linkedin", "presentation", …
QStringList graphicKinds();
int urgencyRank(const QString& urgency); // urgent 0, high 1, medium 2, low 3 (queue order), unknown 4

// The original's social_scheduler "optimal times": LinkedIn Tue/Wed/Thu 10:00; Twitter Mon 14:00, Wed 12:00,
// Fri 09:00. The original meant UTC; a desktop user posts by their own clock, so these are wall-clock times
// in `zone`. The next `count` after `now`.
QList<QDateTime> nextPostingTimes(
    const QString& platform, const QDateTime& now, const QTimeZone& zone, int count);

// Platform limits for repurposed text (LinkedIn post ≤ 3000, tweet ≤ 280, email snippet ≤ 500,
// newsletter ≤ 800 characters) and a local split of a text into tweet-sized parts on word boundaries.
int platformLimit(const QString& platform); // 0 for an unknown platform
QStringList splitForThread(const QString& text, int limit = 280, int maxParts = 5);

} // namespace caseyos::agents
