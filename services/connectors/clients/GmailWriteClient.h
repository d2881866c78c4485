#pragma once

#include "connectors/clients/ClientTypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace caseyos {

class HttpClient;

struct GmailMessageRef
{
    QString id;
    QString threadId;
};

struct GmailDraftRef
{
    QString id; // the draft's id (drafts.delete takes it)
    QString messageId; // its message's Gmail id
    QString threadId;
};

// Gmail API v1 writes (google-gmail.openapi.yaml; the JSON body form of the prism copy): users.messages.send
// and users.drafts.create with {"raw": base64url RFC 2822}, users.drafts.delete, and the look-ups by
// Message-ID header (q=rfc822msgid:…) the executor's reconcile needs. Base URL https://gmail.googleapis.com;
// paths carry /gmail/v1/users/me. Sending and creating are never retried (a retry could send twice); deletes
// and look-ups are.
class GmailWriteClient
{
public:
    GmailWriteClient(HttpClient& http, ClientConfig config);

    // threadId: the Gmail thread a reply belongs to, or empty.
    void sendMessage(const QByteArray& rfc2822, const QString& threadId, QObject* context,
        std::function<void(const ClientResult<GmailMessageRef>&)> done);
    void createDraft(const QByteArray& rfc2822, const QString& threadId, QObject* context,
        std::function<void(const ClientResult<GmailDraftRef>&)> done);
    // A draft that no longer exists (404) is an error of status 404: the caller decides what it means.
    void deleteDraft(
        const QString& draftId, QObject* context, std::function<void(const ClientResult<bool>&)> done);
    // Messages (sent, received, in drafts, in the trash) whose Message-ID header is `messageIdHeader`.
    void findMessages(const QString& messageIdHeader, QObject* context,
        std::function<void(const ClientResult<QList<GmailMessageRef>>&)> done);
    void findDrafts(const QString& messageIdHeader, QObject* context,
        std::function<void(const ClientResult<QList<GmailDraftRef>>&)> done);

private:
    QUrl url(const QString& path) const;
    HttpClient& m_http;
    ClientConfig m_config;
};

} // namespace caseyos
