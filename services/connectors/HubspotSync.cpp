#include "connectors/HubspotSync.h"

#include "connectors/SyncRequests.h"
#include "net/HttpClient.h"
#include "net/ProviderLimits.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos {

HubspotSync::HubspotSync(SyncAccountConfig config, HttpClient& http, Database& db, const Clock& clock,
    AccessTokenProvider tokens, QObject* parent)
    : SyncEngine(std::move(config), http, db, clock, std::move(tokens), parent)
{
    if (!http.governor().hasBucket(u"hubspot:"_s + this->config().key()))
        providerlimits::configureHubspot(http.governor(), this->config().key());
}

QList<RateCost> HubspotSync::costs(const QString& method) const
{
    return providerlimits::hubspotCosts(config().key(), method == u"search"_s);
}

int HubspotSync::pageSize() const
{
    return config().pageSize > 0 ? qMin(config().pageSize, kDefaultPageSize) : kDefaultPageSize;
}

QString HubspotSync::streamOf(Kind kind)
{
    return kind == Kind::Deals ? kDealsStream : kContactsStream;
}

void HubspotSync::start()
{
    m_pipelinesLoaded = false;
    syncKind(Kind::Deals);
}

void HubspotSync::syncKind(Kind kind)
{
    const QString text = loadCursor(streamOf(kind));
    m_cursor = HubspotCursor::parse(text);
    m_baseline = text.isEmpty(); // never synced (an empty account still gets a cursor, so this is once)
    m_committed = false;
    if (m_baseline)
        markFullSync();
    m_querySince = m_cursor.since;
    searchPage(kind, {});
}

void HubspotSync::searchPage(Kind kind, const QString& after)
{
    reportProgress(kind == Kind::Deals ? u"deals"_s : u"contacts"_s);
    const auto object
        = kind == Kind::Deals ? hubspotrequest::Object::Deals : hubspotrequest::Object::Contacts;
    send(hubspotrequest::search(config().baseUrl, object, m_querySince, pageSize(), after), u"search"_s,
        [this, kind](const HttpResult& r) {
            if (!r.ok())
                return failHttp(
                    r, kind == Kind::Deals ? u"search HubSpot deals"_s : u"search HubSpot contacts"_s);
            handlePage(kind, r.response.json.object());
        });
}

void HubspotSync::handlePage(Kind kind, const QJsonObject& body)
{
    const QJsonArray results = body.value(u"results"_s).toArray();
    HubspotCursor cursor = m_cursor;
    QList<HubspotDeal> deals;
    int fresh = 0;
    for (const QJsonValue& value : results) {
        const QJsonObject object = value.toObject();
        const QString id = object.value(u"id"_s).toString();
        qint64 modified = hubspotTimeMs(object.value(u"properties"_s)
                                            .toObject()
                                            .value(hubspotrequest::lastModifiedProperty())
                                            .toString());
        if (modified == 0)
            modified = hubspotTimeMs(object.value(u"updatedAt"_s).toString());
        if (id.isEmpty() || cursor.alreadySynced(modified, id))
            continue;
        ++fresh;
        cursor.advance(modified, id);
        if (kind == Kind::Deals) {
            if (auto deal = parseHubspotDeal(object)) {
                deal->modifiedMs = modified;
                deals.append(*deal);
            }
        }
    }

    const QString nextAfter
        = body.value(u"paging"_s).toObject().value(u"next"_s).toObject().value(u"after"_s).toString();
    auto next = [this, kind, nextAfter] {
        if (nextAfter.isEmpty()) {
            if (m_baseline && !m_committed) {
                // A first sync that found nothing still records that it ran: later runs are not baselines.
                SyncPage page;
                page.stream = streamOf(kind);
                page.cursor = m_cursor.toText();
                if (!commit(std::move(page)))
                    return;
            }
            if (kind == Kind::Deals)
                return syncKind(Kind::Contacts);
            return succeed();
        }
        bool numeric = false;
        const qint64 offset = nextAfter.toLongLong(&numeric);
        if (numeric && offset >= kSearchWindow) {
            // The next page would leave the search window: ask again from the cursor. Should more than a
            // window of objects share one millisecond, step past it rather than loop.
            m_querySince = m_cursor.since > m_querySince ? m_cursor.since : m_querySince + 1;
            return searchPage(kind, {});
        }
        searchPage(kind, nextAfter);
    };

    if (fresh == 0) {
        next(); // nothing new on this page (an idle run ends here without a write)
        return;
    }
    if (kind == Kind::Contacts) {
        SyncPage page;
        page.stream = kContactsStream;
        page.cursor = cursor.toText();
        page.itemsSeen = fresh;
        if (!commit(std::move(page)))
            return;
        m_cursor = cursor;
        m_committed = true;
        next();
        return;
    }
    commitDeals(deals, cursor, fresh, next);
}

void HubspotSync::commitDeals(
    const QList<HubspotDeal>& deals, const HubspotCursor& cursor, int itemsSeen, std::function<void()> next)
{
    QStringList ids;
    for (const HubspotDeal& deal : deals)
        ids.append(deal.id);
    QString error;
    const QHash<QString, StoredDeal> stored = loadStoredDeals(db(), config().key(), ids, &error);
    if (!error.isEmpty())
        return fail(u"Could not read the synced deals: %1"_s.arg(error));
    if (!m_baseline && !m_pipelinesLoaded && anyStageChanged(deals, stored)) {
        loadPipelines(
            [this, deals, cursor, itemsSeen, next] { commitDeals(deals, cursor, itemsSeen, next); });
        return;
    }
    SyncPage page;
    page.stream = kDealsStream;
    page.cursor = cursor.toText();
    page.itemsSeen = itemsSeen;
    addDealChanges(page, config().key(), deals, stored, m_pipelines, m_baseline);
    if (!commit(std::move(page)))
        return;
    m_cursor = cursor;
    m_committed = true;
    next();
}

void HubspotSync::loadPipelines(std::function<void()> next)
{
    reportProgress(u"pipelines"_s);
    send(hubspotrequest::dealPipelines(config().baseUrl), u"pipelines"_s,
        [this, next = std::move(next)](const HttpResult& r) {
            if (!r.ok())
                return failHttp(r, u"read the HubSpot deal pipelines"_s);
            m_pipelines = HubspotPipelines::fromJson(r.response.json.object());
            m_pipelinesLoaded = true;
            next();
        });
}

} // namespace caseyos
