#pragma once

#include "FakeHttpServer.h"

#include <QDateTime>
#include <QSet>
#include <QStringList>

namespace caseyos::test {

// Gmail API v1 as far as sync uses it (shapes from google-gmail.openapi.yaml): users.getProfile,
// messages.list (q=newer_than:Nd, labelIds, maxResults, pageToken), messages.get (format=metadata,
// metadataHeaders), threads.get (format=minimal), history.list (startHistoryId, pageToken, maxResults; 404
// for a history id older than the oldest kept one). Every message added gets the next history id.
// Writes, for the executor: messages.send and drafts.create ({"raw": base64url RFC 2822}, the Message-ID and
// To/Subject headers are read from it), drafts.delete, drafts.list and messages.list with q=rfc822msgid:<id>.
class FakeGmail final : public FakeHttpServer
{
    Q_OBJECT
public:
    struct Message
    {
        QString id;
        QString threadId;
        QStringList labels;
        QString from; // "Ann Lee <ann@acme.com>"
        QString subject;
        QString snippet;
        QString failedRecipients;
        QDateTime date;
        qint64 historyId = 0;
        QString rfc822Id; // the Message-ID header without <>, for q=rfc822msgid:
        QString to;
        QByteArray raw; // the RFC 2822 text a send carried
    };
    struct Draft
    {
        QString id;
        Message message;
    };

    explicit FakeGmail(QString address, QObject* parent = nullptr);

    // Adds a message (id generated when empty) and returns its id.
    QString addMessage(Message message);
    QString addSent(
        const QString& threadId, const QString& to, const QString& subject, const QDateTime& date);
    QString addInbound(const QString& threadId, const QString& from, const QString& subject,
        const QString& snippet, const QDateTime& date);
    void deleteMessage(const QString& id); // messages.get answers 404 afterwards
    // History ids ≤ this are no longer available (history.list answers 404 for them).
    void expireHistoryUpTo(qint64 historyId) { m_oldestHistory = historyId + 1; }
    qint64 historyId() const { return m_history; }
    const QString& address() const { return m_address; }
    void setNow(const QDateTime& now) { m_now = now; } // for newer_than (default: the wall clock)

    // What the executor did: messages sent through messages.send, and the drafts that exist now.
    QList<Message> sentMessages() const;
    int sentCount(const QString& rfc822Id = {}) const; // all sends, or those with that Message-ID (no <>)
    const QList<Draft>& drafts() const { return m_drafts; }
    int deletedDrafts() const { return m_deletedDrafts; }

protected:
    FakeReply handle(const FakeRequest& request) override;

private:
    FakeReply list(const FakeRequest& request) const;
    FakeReply get(const QString& id, const FakeRequest& request) const;
    FakeReply thread(const QString& id) const;
    FakeReply history(const FakeRequest& request) const;
    FakeReply send(const FakeRequest& request);
    FakeReply createDraft(const FakeRequest& request);
    FakeReply listDrafts(const FakeRequest& request) const;
    FakeReply deleteDraft(const QString& id);

    QString m_address;
    QList<Message> m_messages; // in the order added (= history order)
    QList<Draft> m_drafts;
    int m_nextDraft = 1;
    int m_deletedDrafts = 0;
    QSet<QString> m_deleted;
    qint64 m_history = 1000;
    qint64 m_oldestHistory = 0;
    int m_nextId = 1;
    QDateTime m_now;
};

} // namespace caseyos::test
