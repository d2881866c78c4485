#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace caseyos {

class Database;

// An email draft kept in CaseyOS (table email_drafts, 0005): made by MCP's create_email_draft or by Jarvis.
// Nothing here sends; sending goes through an approval and the executor.
struct EmailDraft
{
    qint64 id = 0;
    QString to;
    QString subject;
    QString body;
    std::optional<qint64> moveId;
    std::optional<qint64> approvalId;
    QDateTime createdAt;
};

class EmailDraftRepository
{
public:
    explicit EmailDraftRepository(Database& db);
    // Inserts the draft and writes its new id back. Call inside a transaction or alone; false + error on a
    // storage error.
    bool insert(EmailDraft& draft, QString* error);
    std::optional<EmailDraft> find(qint64 id, QString* error = nullptr) const;

private:
    Database& m_db;
};

} // namespace caseyos
