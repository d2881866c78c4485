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
    const QString q = request.query.queryItemValue(u"q"_s);
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

} // namespace caseyos::test
