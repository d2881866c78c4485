#include "agents/cores/DraftTemplate.h"

using namespace Qt::StringLiterals;

namespace caseyos::agents {

EmailDraft writeDraft(const DraftInput& in)
{
    const QString company = in.company.trimmed().isEmpty() ? u"your team"_s : in.company.trimmed();
    const QString first = in.contactName.trimmed().section(u' ', 0, 0);
    EmailDraft d;
    d.subject = u"Let's explore working together - "_s + company;
    QString b = (first.isEmpty() ? u"Hello,"_s : u"Hello "_s + first + u',') + u"\n\n"_s;
    b += in.context.trimmed().isEmpty()
        ? u"I would like to learn more about what %1 is working on and where we could help."_s.arg(company)
        : in.context.trimmed();
    b += u"\n\n"_s;
    const QStringList slots = in.slots.mid(0, 3);
    if (!slots.isEmpty()) {
        b += u"Here are a few times that work on my side:\n"_s;
        for (qsizetype i = 0; i < slots.size(); ++i)
            b += u"%1. %2\n"_s.arg(i + 1).arg(slots.at(i));
        b += u'\n';
    }
    if (!in.assetUrl.trimmed().isEmpty())
        b += u"Some background before we talk: "_s + in.assetUrl.trimmed() + u"\n\n"_s;
    b += u"What works best for you?\n\n"_s;
    b += u"Best,\n"_s + (in.senderName.trimmed().isEmpty() ? u"Casey"_s : in.senderName.trimmed())
        + u"\n\n"_s;
    b += u"P.S. Not the right time? Reply \"unsubscribe\" and I will not follow up."_s;
    // The original replaced em-dashes (and we en-dashes too: slot labels use them) with a plain hyphen.
    b.replace(u'\u2014', u'-').replace(u'\u2013', u'-');
    d.subject.replace(u'\u2014', u'-').replace(u'\u2013', u'-');
    d.body = b;
    return d;
}

} // namespace caseyos::agents
