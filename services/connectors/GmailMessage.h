#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace caseyos {

// A mail address header split into its display name and address ("Ann Lee <ann@acme.com>").
struct MailAddress
{
    QString name;
    QString email; // lowercased; empty when the text holds no address
};

MailAddress parseMailAddress(const QString& header);
// The first address-like token in free text (bounce snippets name the failed recipient), lowercased.
QString firstEmailIn(const QString& text, const QString& except = {});

// What sync needs of one Gmail message (users.messages.get, format=metadata).
struct GmailMessageInfo
{
    QString id;
    QString threadId;
    QStringList labelIds;
    MailAddress from;
    QString subject;
    QString snippet;
    QString failedRecipients; // X-Failed-Recipients, set by mailer daemons
    QDateTime internalDate; // invalid when absent

    bool isSent() const { return labelIds.contains(QStringLiteral("SENT")); }
    bool isDraft() const { return labelIds.contains(QStringLiteral("DRAFT")); }
    // From a mailer daemon or postmaster: a delivery failure report.
    bool isBounce() const;
    // The address that could not be reached, when the report names one.
    QString bouncedRecipient(const QString& ownAddress) const;
};

// nullopt when the object lacks an id or a threadId; every other field is optional.
std::optional<GmailMessageInfo> parseGmailMessage(const QJsonObject& message);

} // namespace caseyos
