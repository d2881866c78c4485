#pragma once

#include "connectors/clients/ClientTypes.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace caseyos {

class HttpClient;

struct DriveFile
{
    QString id;
    QString name;
    QString mimeType;
    QString modifiedTime;
    QString webViewLink;
};

struct DrivePage
{
    QList<DriveFile> files;
    QString nextPageToken; // empty on the last page
};

struct DocsDocument
{
    QString id;
    QString title;
    QString text; // the body's text runs in order (paragraphs and table cells)
};

// Google Drive v3 files.list (base https://www.googleapis.com/drive/v3) and Google Docs v1 documents.get
// (base https://docs.googleapis.com; paths carry /v1), with the Google account's OAuth token.
class DriveClient
{
public:
    DriveClient(HttpClient& http, ClientConfig config);
    // Files whose name or text contains `text` (not trashed), newest first. pageSize 1–1000.
    void search(const QString& text, int pageSize, const QString& pageToken, QObject* context,
        std::function<void(const ClientResult<DrivePage>&)> done);
    // The raw files.list with a Drive query (`q`); search() builds one.
    void list(const QString& query, int pageSize, const QString& pageToken, QObject* context,
        std::function<void(const ClientResult<DrivePage>&)> done);

private:
    HttpClient& m_http;
    ClientConfig m_config;
};

class DocsClient
{
public:
    DocsClient(HttpClient& http, ClientConfig config);
    void get(const QString& documentId, QObject* context, std::function<void(const ClientResult<DocsDocument>&)> done);

private:
    HttpClient& m_http;
    ClientConfig m_config;
};

// A Drive query matching `text` in the name or full text: fullText contains '…' (quotes and backslashes escaped).
QString driveTextQuery(const QString& text);

} // namespace caseyos
