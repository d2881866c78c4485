#include "FakeGmail.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

const QString kPrefix = u"/gmail/v1/users/me"_s;

QJsonObject header(const QString& name, const QString& value)
{
    return QJsonObject { { u"name"_s, name }, { u"value"_s, value } };
}

// A header of an RFC 2822 text (the first occurrence; folded lines joined).
QString rawHeader(const QByteArray& raw, const QByteArray& name)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = raw.left(end < 0 ? raw.size() : end).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].toLower().startsWith(QByteArray(name.toLower() + ':')))
            continue;
        QByteArray value = lines[i].mid(name.size() + 1).trimmed();
        while (i + 1 < lines.size() && (lines[i + 1].startsWith(' ') || lines[i + 1].startsWith('\t')))
            value += QByteArray(' ' + lines[++i].trimmed());
        return QString::fromUtf8(value);
    }
    return {};
}

QString bareId(QString id)
{
    id = id.trimmed();
    if (id.startsWith(u'<') && id.endsWith(u'>'))
        id = id.mid(1, id.size() - 2);
    return id;
}

// The message a send or draft body carries ({"raw": …} or {"message": {"raw": …}}); empty raw when malformed.
FakeGmail::Message messageFrom(const QJsonObject& holder)
{
    FakeGmail::Message m;
    m.raw = QByteArray::fromBase64(holder.value(u"raw"_s).toString().toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    m.threadId = holder.value(u"threadId"_s).toString();
    m.rfc822Id = bareId(rawHeader(m.raw, "Message-ID"));
    m.to = rawHeader(m.raw, "To");
    m.subject = rawHeader(m.raw, "Subject");
    return m;
}

FakeReply badRequest(const QString& message)
{
    return FakeReply::json(400,
        QJsonDocument(QJsonObject { { u"error"_s, QJsonObject { { u"code"_s, 400 }, { u"message"_s, message } } } }));
}

} // namespace

FakeGmail::FakeGmail(QString address, QObject* parent)
    : FakeHttpServer(parent)
    , m_address(std::move(address))
{
}

QString FakeGmail::addMessage(Message message)
{
    if (message.id.isEmpty())
        message.id = u"m%1"_s.arg(m_nextId++, 6, 10, QLatin1Char('0'));
    if (!message.date.isValid())
        message.date = QDateTime::currentDateTimeUtc();
    message.historyId = ++m_history;
    m_messages.append(message);
    return message.id;
}

QString FakeGmail::addSent(
    const QString& threadId, const QString& to, const QString& subject, const QDateTime& date)
{
    Message m;
    m.threadId = threadId;
    m.labels = { u"SENT"_s };
    m.from = m_address;
    m.subject = subject;
    m.snippet = u"Hi, following up (to "_s + to + u')';
    m.date = date;
    return addMessage(m);
}

QString FakeGmail::addInbound(const QString& threadId, const QString& from, const QString& subject,
    const QString& snippet, const QDateTime& date)
{
    Message m;
    m.threadId = threadId;
    m.labels = { u"INBOX"_s, u"UNREAD"_s };
    m.from = from;
    m.subject = subject;
    m.snippet = snippet;
    m.date = date;
    return addMessage(m);
}

void FakeGmail::deleteMessage(const QString& id)
{
    m_deleted.insert(id);
}

FakeReply FakeGmail::handle(const FakeRequest& request)
{
    if (request.header("authorization").isEmpty())
        return FakeReply::json(401, QByteArray(R"({"error":{"code":401,"message":"Login Required."}})"));
    const QString path = request.path;
    if (!path.startsWith(kPrefix))
        return notFound();
    const QString rest = path.mid(kPrefix.size());
    if (rest == u"/profile"_s) {
        return FakeReply::json(200,
            QJsonDocument(QJsonObject { { u"emailAddress"_s, m_address },
                { u"messagesTotal"_s, int(m_messages.size()) },
                { u"historyId"_s, QString::number(m_history) } }));
    }
    if (rest == u"/messages/send"_s && request.method == "POST")
        return send(request);
    if (rest == u"/drafts"_s && request.method == "POST")
        return createDraft(request);
    if (rest == u"/drafts"_s)
        return listDrafts(request);
    if (rest.startsWith(u"/drafts/"_s) && request.method == "DELETE")
        return deleteDraft(rest.mid(8));
    if (rest == u"/messages"_s)
        return list(request);
    if (rest.startsWith(u"/messages/"_s))
        return get(rest.mid(10), request);
    if (rest.startsWith(u"/threads/"_s))
        return thread(rest.mid(9));
    if (rest == u"/history"_s)
        return history(request);
    return notFound();
}

FakeReply FakeGmail::list(const FakeRequest& request) const
{
    const QString q = request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    const QString byId = q.startsWith(u"rfc822msgid:"_s) ? bareId(q.mid(12)) : QString();
    QDateTime after;
    if (q.startsWith(u"newer_than:"_s) && q.endsWith(u'd')) {
        const int days = q.mid(11, q.size() - 12).toInt();
        after = (m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc()).addDays(-days);
    }
    const QString label = request.query.queryItemValue(u"labelIds"_s);
    const int max = qBound(1, request.query.queryItemValue(u"maxResults"_s).toInt(), 500);
    const int offset = request.query.queryItemValue(u"pageToken"_s).toInt();
    QList<const Message*> matching;
    for (qsizetype i = m_messages.size() - 1; i >= 0; --i) { // newest first
        const Message& m = m_messages[i];
        if (m_deleted.contains(m.id) || (after.isValid() && m.date < after))
            continue;
        if (!label.isEmpty() && !m.labels.contains(label))
            continue;
        if (q.startsWith(u"rfc822msgid:"_s) && m.rfc822Id != byId)
            continue;
        matching.append(&m);
    }
    QJsonArray messages;
    for (qsizetype i = offset; i < matching.size() && i < offset + max; ++i)
        messages.append(
            QJsonObject { { u"id"_s, matching[i]->id }, { u"threadId"_s, matching[i]->threadId } });
    QJsonObject body { { u"resultSizeEstimate"_s, int(matching.size()) } };
    if (!messages.isEmpty())
        body.insert(u"messages"_s, messages);
    if (offset + max < matching.size())
        body.insert(u"nextPageToken"_s, QString::number(offset + max));
    return FakeReply::json(200, QJsonDocument(body));
}

FakeReply FakeGmail::get(const QString& id, const FakeRequest& request) const
{
    for (const Message& m : m_messages) {
        if (m.id != id || m_deleted.contains(id))
            continue;
        const QStringList wanted = request.query.allQueryItemValues(u"metadataHeaders"_s);
        QJsonArray headers;
        auto add = [&](const QString& name, const QString& value) {
            if (!value.isEmpty() && (wanted.isEmpty() || wanted.contains(name)))
                headers.append(header(name, value));
        };
        add(u"From"_s, m.from);
        add(u"Subject"_s, m.subject);
        add(u"X-Failed-Recipients"_s, m.failedRecipients);
        return FakeReply::json(200,
            QJsonDocument(QJsonObject { { u"id"_s, m.id }, { u"threadId"_s, m.threadId },
                { u"labelIds"_s, QJsonArray::fromStringList(m.labels) }, { u"snippet"_s, m.snippet },
                { u"historyId"_s, QString::number(m.historyId) },
                { u"internalDate"_s, QString::number(m.date.toMSecsSinceEpoch()) },
                { u"payload"_s,
                    QJsonObject { { u"mimeType"_s, u"text/plain"_s }, { u"headers"_s, headers } } } }));
    }
    return notFound();
}

FakeReply FakeGmail::thread(const QString& id) const
{
    QJsonArray messages;
    for (const Message& m : m_messages) {
        if (m.threadId == id && !m_deleted.contains(m.id))
            messages.append(QJsonObject { { u"id"_s, m.id }, { u"threadId"_s, m.threadId },
                { u"labelIds"_s, QJsonArray::fromStringList(m.labels) } });
    }
    if (messages.isEmpty())
        return notFound();
    return FakeReply::json(200,
        QJsonDocument(QJsonObject {
            { u"id"_s, id }, { u"historyId"_s, QString::number(m_history) }, { u"messages"_s, messages } }));
}

FakeReply FakeGmail::history(const FakeRequest& request) const
{
    bool ok = false;
    const qint64 start = request.query.queryItemValue(u"startHistoryId"_s).toLongLong(&ok);
    if (!ok || start < m_oldestHistory - 1)
        return notFound();
    const int max = qBound(1, request.query.queryItemValue(u"maxResults"_s).toInt(), 500);
    const int offset = request.query.queryItemValue(u"pageToken"_s).toInt();
    QList<const Message*> records;
    for (const Message& m : m_messages) {
        if (m.historyId > start)
            records.append(&m);
    }
    QJsonArray history;
    for (qsizetype i = offset; i < records.size() && i < offset + max; ++i) {
        const Message& m = *records[i];
        const QJsonObject brief { { u"id"_s, m.id }, { u"threadId"_s, m.threadId },
            { u"labelIds"_s, QJsonArray::fromStringList(m.labels) } };
        history.append(QJsonObject { { u"id"_s, QString::number(m.historyId) },
            { u"messages"_s,
                QJsonArray { QJsonObject { { u"id"_s, m.id }, { u"threadId"_s, m.threadId } } } },
            { u"messagesAdded"_s, QJsonArray { QJsonObject { { u"message"_s, brief } } } } });
    }
    QJsonObject body { { u"historyId"_s, QString::number(m_history) } };
    if (!history.isEmpty())
        body.insert(u"history"_s, history);
    if (offset + max < records.size())
        body.insert(u"nextPageToken"_s, QString::number(offset + max));
    return FakeReply::json(200, QJsonDocument(body));
}

QList<FakeGmail::Message> FakeGmail::sentMessages() const
{
    QList<Message> out;
    for (const Message& m : m_messages)
        if (!m.raw.isEmpty() && m.labels.contains(u"SENT"_s))
            out.append(m);
    return out;
}

int FakeGmail::sentCount(const QString& rfc822Id) const
{
    int count = 0;
    for (const Message& m : sentMessages())
        if (rfc822Id.isEmpty() || m.rfc822Id == rfc822Id)
            ++count;
    return count;
}

FakeReply FakeGmail::send(const FakeRequest& request)
{
    Message m = messageFrom(request.json().object());
    if (m.raw.isEmpty() || m.to.isEmpty())
        return badRequest(u"Invalid To header"_s);
    m.labels = { u"SENT"_s };
    m.from = m_address;
    if (m.threadId.isEmpty())
        m.threadId = u"t-sent-%1"_s.arg(m_nextId);
    const QString id = addMessage(m);
    return FakeReply::json(200,
        QJsonDocument(QJsonObject { { u"id"_s, id }, { u"threadId"_s, m.threadId },
            { u"labelIds"_s, QJsonArray { u"SENT"_s } } }));
}

FakeReply FakeGmail::createDraft(const FakeRequest& request)
{
    Message m = messageFrom(request.json().object().value(u"message"_s).toObject());
    if (m.raw.isEmpty())
        return badRequest(u"Missing draft message"_s);
    m.id = u"dm%1"_s.arg(m_nextDraft, 6, 10, QLatin1Char('0'));
    m.labels = { u"DRAFT"_s };
    if (m.threadId.isEmpty())
        m.threadId = u"t-draft-%1"_s.arg(m_nextDraft);
    Draft draft { u"r%1"_s.arg(m_nextDraft++), m };
    m_drafts.append(draft);
    return FakeReply::json(200,
        QJsonDocument(QJsonObject { { u"id"_s, draft.id },
            { u"message"_s, QJsonObject { { u"id"_s, m.id }, { u"threadId"_s, m.threadId },
                                { u"labelIds"_s, QJsonArray { u"DRAFT"_s } } } } }));
}

FakeReply FakeGmail::listDrafts(const FakeRequest& request) const
{
    const QString q = request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    const QString byId = q.startsWith(u"rfc822msgid:"_s) ? bareId(q.mid(12)) : QString();
    QJsonArray drafts;
    for (const Draft& d : m_drafts) {
        if (!byId.isEmpty() && d.message.rfc822Id != byId)
            continue;
        drafts.append(QJsonObject { { u"id"_s, d.id },
            { u"message"_s, QJsonObject { { u"id"_s, d.message.id }, { u"threadId"_s, d.message.threadId } } } });
    }
    QJsonObject body { { u"resultSizeEstimate"_s, int(drafts.size()) } };
    if (!drafts.isEmpty())
        body.insert(u"drafts"_s, drafts);
    return FakeReply::json(200, QJsonDocument(body));
}

FakeReply FakeGmail::deleteDraft(const QString& id)
{
    for (qsizetype i = 0; i < m_drafts.size(); ++i) {
        if (m_drafts[i].id == id) {
            m_drafts.removeAt(i);
            ++m_deletedDrafts;
            FakeReply reply;
            reply.status = 204;
            return reply;
        }
    }
    return notFound();
}

} // namespace caseyos::test
