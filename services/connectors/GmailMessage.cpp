#include "connectors/GmailMessage.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QRegularExpression& emailPattern()
{
    static const QRegularExpression re(u"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"_s);
    return re;
}

QString unquote(QString text)
{
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"'))
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

} // namespace

MailAddress parseMailAddress(const QString& header)
{
    MailAddress address;
    const QString text = header.trimmed();
    const qsizetype open = text.lastIndexOf(u'<');
    const qsizetype close = text.lastIndexOf(u'>');
    if (open >= 0 && close > open) {
        address.email = text.mid(open + 1, close - open - 1).trimmed().toLower();
        address.name = unquote(text.left(open));
    } else {
        const auto match = emailPattern().match(text);
        if (match.hasMatch())
            address.email = match.captured(0).toLower();
    }
    if (!address.email.contains(u'@'))
        address.email.clear();
    return address;
}

QString firstEmailIn(const QString& text, const QString& except)
{
    auto it = emailPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString email = it.next().captured(0).toLower();
        if (email != except.toLower())
            return email;
    }
    return {};
}

bool GmailMessageInfo::isBounce() const
{
    const QString local = from.email.section(u'@', 0, 0);
    return local.startsWith(u"mailer-daemon"_s) || local.startsWith(u"postmaster"_s)
        || from.name.contains(u"Mail Delivery Subsystem"_s, Qt::CaseInsensitive);
}

QString GmailMessageInfo::bouncedRecipient(const QString& ownAddress) const
{
    if (!failedRecipients.isEmpty()) {
        const QString first = firstEmailIn(failedRecipients);
        if (!first.isEmpty())
            return first;
    }
    // "Address not found — Your message wasn't delivered to bob@example.org because …"
    QString found = firstEmailIn(snippet, ownAddress);
    if (found == from.email)
        found.clear();
    return found;
}

std::optional<GmailMessageInfo> parseGmailMessage(const QJsonObject& message)
{
    GmailMessageInfo info;
    info.id = message.value(u"id"_s).toString();
    info.threadId = message.value(u"threadId"_s).toString();
    if (info.id.isEmpty() || info.threadId.isEmpty())
        return std::nullopt;
    for (const QJsonValue& label : message.value(u"labelIds"_s).toArray())
        info.labelIds.append(label.toString());
    info.snippet = message.value(u"snippet"_s).toString();
    bool ok = false;
    const qint64 internal = message.value(u"internalDate"_s).toString().toLongLong(&ok);
    if (ok && internal > 0)
        info.internalDate = QDateTime::fromMSecsSinceEpoch(internal, QTimeZone::utc());
    const QJsonArray headers = message.value(u"payload"_s).toObject().value(u"headers"_s).toArray();
    for (const QJsonValue& value : headers) {
        const QJsonObject header = value.toObject();
        const QString name = header.value(u"name"_s).toString();
        const QString text = header.value(u"value"_s).toString();
        if (name.compare(u"From"_s, Qt::CaseInsensitive) == 0)
            info.from = parseMailAddress(text);
        else if (name.compare(u"Subject"_s, Qt::CaseInsensitive) == 0)
            info.subject = text;
        else if (name.compare(u"X-Failed-Recipients"_s, Qt::CaseInsensitive) == 0)
            info.failedRecipients = text;
    }
    return info;
}

} // namespace caseyos
