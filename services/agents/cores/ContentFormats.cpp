#include "agents/cores/ContentFormats.h"

#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

std::optional<QSize> graphicSize(const QString& kind)
{
    static const QHash<QString, QSize> sizes { { u"linkedin"_s, { 1200, 1200 } },
        { u"twitter"_s, { 1200, 675 } }, { u"instagram"_s, { 1080, 1080 } }, { u"facebook"_s, { 1200, 630 } },
        { u"presentation"_s, { 1920, 1080 } }, { u"infographic"_s, { 800, 2000 } },
        { u"email_header"_s, { 600, 200 } }, { u"banner"_s, { 1920, 400 } },
        { u"thumbnail"_s, { 1280, 720 } } };
    const auto it = sizes.constFind(kind.trimmed().toLower());
    return it == sizes.cend() ? std::nullopt : std::optional<QSize>(*it);
}

QStringList graphicKinds()
{
    return { u"linkedin"_s, u"twitter"_s, u"instagram"_s, u"facebook"_s, u"presentation"_s, u"infographic"_s,
        u"email_header"_s, u"banner"_s, u"thumbnail"_s };
}

int urgencyRank(const QString& urgency)
{
    static const QStringList order { u"urgent"_s, u"high"_s, u"medium"_s, u"low"_s };
    const qsizetype i = order.indexOf(urgency.trimmed().toLower());
    return i < 0 ? 4 : int(i);
}

QList<QDateTime> nextPostingTimes(
    const QString& platform, const QDateTime& now, const QTimeZone& zone, int count)
{
    struct Slot
    {
        int day;
        QTime time;
    };
    QList<Slot> week;
    if (platform == u"linkedin"_s)
        week = { { 2, QTime(10, 0) }, { 3, QTime(10, 0) }, { 4, QTime(10, 0) } };
    else if (platform == u"twitter"_s || platform == u"x"_s)
        week = { { 1, QTime(14, 0) }, { 3, QTime(12, 0) }, { 5, QTime(9, 0) } };
    QList<QDateTime> times;
    const QDate today = now.toTimeZone(zone).date();
    for (int d = 0; d < 7 * (count + 1) && times.size() < count && !week.isEmpty(); ++d) {
        const QDate day = today.addDays(d);
        for (const Slot& s : week) {
            const QDateTime at(day, s.time, zone);
            if (s.day == day.dayOfWeek() && at > now && times.size() < count)
                times.append(at.toUTC());
        }
    }
    return times;
}

int platformLimit(const QString& platform)
{
    static const QHash<QString, int> limits { { u"linkedin"_s, 3000 }, { u"twitter"_s, 280 }, { u"x"_s, 280 },
        { u"email"_s, 500 }, { u"newsletter"_s, 800 } };
    return limits.value(platform.trimmed().toLower(), 0);
}

QStringList splitForThread(const QString& text, int limit, int maxParts)
{
    QStringList parts;
    QString current;
    for (const QString& word : text.simplified().split(u' ', Qt::SkipEmptyParts)) {
        const QString candidate = current.isEmpty() ? word : current + u' ' + word;
        if (candidate.size() <= limit) {
            current = candidate;
            continue;
        }
        if (!current.isEmpty())
            parts << current;
        current = word.left(limit);
        if (parts.size() >= maxParts)
            break;
    }
    if (!current.isEmpty() && parts.size() < maxParts)
        parts << current;
    return parts.mid(0, maxParts);
}

} // namespace caseyos::agents
