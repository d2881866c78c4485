#pragma once

#include "connectors/GmailMessage.h"
#include "connectors/SyncEngine.h"

#include <QSet>

namespace caseyos {

// Gmail incremental sync (PRODUCT.md §3, §4, §7).
// First run (or after an expired historyId): the profile's historyId, then the recent window
// (newer_than:<windowDays>d, at most maxMessages): the SENT ones name the threads the user wrote in, the
// others are read (format=metadata) and classified. Later runs: users.history.list from the stored historyId,
// paged; each page is read, classified and committed with the last history id it covers. A new inbound
// message in a thread where the user has sent → gmail/reply_received (+ email_replied); a mailer-daemon
// report → email_bounced for the recipient it names. An idle run is one history.list request.
class GmailSync final : public SyncEngine
{
    Q_OBJECT
public:
    static constexpr int kDefaultPageSize = 500;
    static constexpr int kParallelReads = 4;
    static inline const QString kStream = QStringLiteral("gmail");

    GmailSync(SyncAccountConfig config, HttpClient& http, Database& db, const Clock& clock,
        AccessTokenProvider tokens, QObject* parent = nullptr);

protected:
    void start() override;
    QStringList streams() const override { return { kStream }; }
    QList<RateCost> costs(const QString& method) const override;

private:
    void fullSync();
    void listSent(const QString& pageToken, int taken);
    void listRecent(const QString& pageToken, int taken);
    void historyPage(const QString& startId, const QString& pageToken);
    // Reads the messages, (optionally) checks unknown threads for a SENT message, classifies, commits the
    // page with `cursor`, then calls next().
    void readAndCommit(const QStringList& ids, bool checkThreads, const QString& cursor, int itemsSeen,
        std::function<void()> next);
    void checkThreads(
        QList<GmailMessageInfo> messages, const QString& cursor, int itemsSeen, std::function<void()> next);
    void classifyAndCommit(const QList<GmailMessageInfo>& messages, const QString& cursor, int itemsSeen,
        std::function<void()> next);
    void loadKnownThreads();
    int pageSize() const;
    HttpRequest listRequest(const QString& pageToken, int maxResults, bool sentOnly) const;

    QString m_ownAddress;
    QString m_profileHistoryId; // during a full sync: the cursor to store at its end
    QSet<QString> m_sentThreads; // threads where the user has sent (stored + found this run)
    QSet<QString> m_unsavedThreads; // found this run, not yet committed
    QSet<QString> m_sentMessageIds; // full sync: the SENT messages of the window (not read again)
    bool m_resynced = false;
};

} // namespace caseyos
