#pragma once

#include "connectors/clients/ClientTypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QObject>
#include <QString>

#include <functional>

namespace caseyos {

class HttpClient;

// One HubSpot CRM record as the v3 object endpoints return it (SimplePublicObject).
struct HubspotObject
{
    QString id;
    QJsonObject properties; // HubSpot sends every value as a string (or null)
    QString createdAt;
    QString updatedAt;
    bool archived = false;
};

// A deal's fields the executor changes and undoes (update_deal).
struct HubspotDealFields
{
    QString id;
    QString stage; // dealstage (a stage id of the deal's pipeline)
    QString amount; // as HubSpot stores it: a decimal string, empty when unset
    QString closeDate; // closedate, ISO-8601, empty when unset
    QJsonObject properties;
};

struct HubspotTaskInput
{
    QString subject; // hs_task_subject
    QString body; // hs_task_body
    QDateTime due; // hs_timestamp (the due date); required by HubSpot
    QString status = QStringLiteral("NOT_STARTED"); // NOT_STARTED, IN_PROGRESS, WAITING, COMPLETED, DEFERRED
    QString priority; // LOW, MEDIUM, HIGH or empty
    QString type = QStringLiteral("TODO"); // TODO, CALL, EMAIL
    QString contactId; // associated when set
    QString dealId; // associated when set
};

struct HubspotNoteInput
{
    QString body; // hs_note_body (HTML allowed)
    QDateTime timestamp; // hs_timestamp: when the note shows on the timeline
    QString contactId;
    QString dealId;
};

// HubSpot CRM v3 writes for the executor (base https://api.hubapi.com; paths carry /crm/v3), private-app or OAuth
// token as Bearer: tasks and notes (created with their associations to the contact and the deal), deals (read and
// PATCH dealstage / amount / closedate), and the contact lookup by email to associate with.
//
// Retries: reads, PATCH (setting the same values twice is harmless), DELETE (archiving twice is harmless) and the
// search go through HttpClient's retry policy. Creating (POST) is never retried: a lost reply may mean the record
// exists, so the caller (the executor, which owns idempotency) decides after a failure — a 429 comes back as
// RateLimited with retryAfterMs.
class HubspotCrmClient
{
public:
    using ObjectDone = std::function<void(const ClientResult<HubspotObject>&)>;
    using DealDone = std::function<void(const ClientResult<HubspotDealFields>&)>;
    using ArchiveDone = std::function<void(const ClientResult<bool>&)>; // value true once archived

    HubspotCrmClient(HttpClient& http, ClientConfig config);

    using IdDone = std::function<void(const ClientResult<QString>&)>;

    // The id of the contact whose email is `email` (case-insensitive in HubSpot), or an empty value when none.
    void findContactByEmail(const QString& email, QObject* context, IdDone done);
    // The id of a `type` record ("tasks", "notes") whose text property `property` contains the word `token`
    // (search, CONTAINS_TOKEN), or an empty value when none: how the executor finds what it created after a
    // crash. HubSpot's search index trails a write by a few seconds.
    void findIdByToken(const QString& type, const QString& property, const QString& token, QObject* context,
        IdDone done);

    void createTask(const HubspotTaskInput& task, QObject* context, ObjectDone done);
    // properties: HubSpot property names → values (numbers and booleans are sent as strings, as HubSpot wants).
    void updateTask(const QString& id, const QJsonObject& properties, QObject* context, ObjectDone done);
    void getTask(const QString& id, QObject* context, ObjectDone done);
    void archiveTask(const QString& id, QObject* context, ArchiveDone done);

    void createNote(const HubspotNoteInput& note, QObject* context, ObjectDone done);
    void archiveNote(const QString& id, QObject* context, ArchiveDone done);

    void getDeal(const QString& id, QObject* context, DealDone done);
    void updateDeal(const QString& id, const QJsonObject& properties, QObject* context, DealDone done);

    // HubSpot-defined association type ids (v4 "associationTypeId", HUBSPOT_DEFINED).
    static constexpr int kTaskToContact = 204;
    static constexpr int kTaskToDeal = 216;
    static constexpr int kNoteToContact = 202;
    static constexpr int kNoteToDeal = 214;

private:
    void create(const QString& type, const QJsonObject& body, QObject* context, ObjectDone done);
    void get(const QString& type, const QString& id, const QStringList& properties, QObject* context, ObjectDone done);
    void update(const QString& type, const QString& id, const QJsonObject& properties, QObject* context, ObjectDone done);
    void archive(const QString& type, const QString& id, QObject* context, ArchiveDone done);

    HttpClient& m_http;
    ClientConfig m_config;
};

// The deal fields out of a deal record.
HubspotDealFields hubspotDealFrom(const HubspotObject& object);

// The POST bodies createTask / createNote send ({properties, associations}), for previews that must show them.
QJsonObject hubspotTaskBody(const HubspotTaskInput& task);
QJsonObject hubspotNoteBody(const HubspotNoteInput& note);

} // namespace caseyos
