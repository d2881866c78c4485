#include "signals/RuleText.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::ruletext {

QString person(const QString& name, const QString& email, const QString& company)
{
    QString label = !name.isEmpty() ? name : !email.isEmpty() ? email : u"an unknown contact"_s;
    if (!company.isEmpty())
        label += u" ("_s + company + u')';
    return label;
}

QString shortened(QStringView text, int maxChars)
{
    QString s = text.toString().simplified();
    if (s.size() > maxChars) {
        s.truncate(maxChars - 1);
        // Do not split a surrogate pair or leave a dangling space before the ellipsis.
        if (!s.isEmpty() && s.back().isHighSurrogate())
            s.chop(1);
        s = s.trimmed() + u'\u2026';
    }
    return s;
}

QString quoted(QStringView text, int maxChars)
{
    return u'\u201C' + shortened(text, maxChars) + u'\u201D';
}

QString money(double amount)
{
    // Titles are English, so the grouping is fixed ("$48,000") rather than taken from the system locale.
    const double absCents = std::round(std::fabs(amount) * 100.0);
    if (!(absCents < 9e17)) // not finite or beyond what qint64 holds
        return u"$"_s + QString::number(amount, 'g', 6);
    const qint64 cents = qint64(absCents);
    const QString whole = QString::number(cents / 100);
    QString out = amount < 0 ? u"\u2212$"_s : u"$"_s;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            out.append(u',');
        out.append(whole[i]);
    }
    if (cents % 100 != 0) {
        out.append(u'.');
        out.append(QChar(u'0' + int(cents % 100 / 10)));
        out.append(QChar(u'0' + int(cents % 10)));
    }
    return out;
}

} // namespace caseyos::ruletext
