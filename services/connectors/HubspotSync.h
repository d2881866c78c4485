#pragma once

#include "connectors/HubspotCursor.h"
#include "connectors/HubspotDeals.h"
#include "connectors/HubspotPipelines.h"
#include "connectors/SyncEngine.h"

namespace caseyos {

// HubSpot incremental sync of deals and contacts (PRODUCT.md §3, §4, §7) through CRM search:
// hs_lastmodifieddate ≥ cursor, sorted ascending, paged with `after`. Search reaches only the first 10 000
// results of a query, so before a page would pass that window the query starts again from the newest
// last-modified time synced (the cursor); the ids already synced at that exact time are skipped. Each page is
// one transaction with its cursor. The first sync of an account records every deal's stage silently
// (a baseline); later pages turn new deals, stage changes (classified by the pipelines' display order,
// fetched once per run when needed) and amount changes into signals and outcomes. An idle run is one search
// request per object type and writes nothing.
class HubspotSync final : public SyncEngine
{
    Q_OBJECT
public:
    static constexpr int kSearchWindow = 10000;
    static constexpr int kDefaultPageSize = 200; // the search maximum
    static inline const QString kDealsStream = QStringLiteral("hubspot:deals");
    static inline const QString kContactsStream = QStringLiteral("hubspot:contacts");

    HubspotSync(SyncAccountConfig config, HttpClient& http, Database& db, const Clock& clock,
        AccessTokenProvider tokens, QObject* parent = nullptr);

protected:
    void start() override;
    QStringList streams() const override { return { kDealsStream, kContactsStream }; }
    QList<RateCost> costs(const QString& method) const override;

private:
    enum class Kind { Deals, Contacts };
    void syncKind(Kind kind);
    void searchPage(Kind kind, const QString& after);
    void handlePage(Kind kind, const QJsonObject& body);
    void commitDeals(const QList<HubspotDeal>& deals, const HubspotCursor& cursor, int itemsSeen,
        std::function<void()> next);
    void loadPipelines(std::function<void()> next);
    int pageSize() const;
    static QString streamOf(Kind kind);

    HubspotCursor m_cursor; // of the kind being synced; committed with each page
    qint64 m_querySince = 0; // the `since` of the running query (restarted at the window's end)
    bool m_baseline = false;
    bool m_committed = false; // this kind committed a page in this run
    bool m_pipelinesLoaded = false;
    HubspotPipelines m_pipelines;
};

} // namespace caseyos
