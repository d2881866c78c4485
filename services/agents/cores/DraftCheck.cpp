#include "agents/cores/DraftCheck.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

// The first of `words` found as a whole word (apostrophes straight or curly), or empty.
QString firstWord(const QString& text, const QStringList& words)
{
    QString normal = text;
    normal.replace(u'\u2019', u'\'');
    for (const QString& w : words) {
        const QRegularExpression re(u"(?<![\\w'])"_s + QRegularExpression::escape(w) + u"(?![\\w'])"_s,
            QRegularExpression::CaseInsensitiveOption);
        if (re.match(normal).hasMatch())
            return w;
    }
    return {};
}

} // namespace

QString DraftCheckResult::verdict() const
{
    return approved() ? u"approved"_s : u"requires_review"_s;
}

DraftCheckResult checkDraft(const QString& subject, const QString& body)
{
    DraftCheckResult r;
    const QString s = subject.trimmed();
    const QString b = body.trimmed();
    if (const QString w = firstWord(s + u'\n' + b, { u"guarantee"_s, u"promise"_s, u"won't"_s, u"can't"_s });
        !w.isEmpty()) {
        r.compliance = false;
        r.problems << u"compliance: uses \"%1\""_s.arg(w);
    }
    if (!b.contains(u"unsubscribe"_s, Qt::CaseInsensitive)) {
        r.compliance = false;
        r.problems << u"compliance: no unsubscribe mention"_s;
    }
    if (s.size() < 5 || s.size() > 100) {
        r.quality = false;
        r.problems << u"quality: subject is %1 characters (5–100)"_s.arg(s.size());
    }
    if (b.size() < 50 || b.size() > 2000) {
        r.quality = false;
        r.problems << u"quality: body is %1 characters (50–2000)"_s.arg(b.size());
    }
    if (QRegularExpression(u"^Hi\\b"_s).match(b).hasMatch()) {
        r.quality = false;
        r.problems << u"quality: body opens with a generic \"Hi\""_s;
    }
    if (const QString w = firstWord(s + u'\n' + b, { u"must"_s, u"demand"_s, u"urgent"_s, u"immediately"_s });
        !w.isEmpty()) {
        r.tone = false;
        r.problems << u"tone: uses \"%1\""_s.arg(w);
    }
    const qsizetype total = s.size() + b.size();
    if (total < 100 || total > 3000) {
        r.length = false;
        r.problems << u"length: subject + body is %1 characters (100–3000)"_s.arg(total);
    }
    return r;
}

} // namespace caseyos::agents
