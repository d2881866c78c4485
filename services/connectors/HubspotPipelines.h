#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace caseyos {

struct HubspotStage
{
    QString id;
    QString label;
    int displayOrder = 0;
    bool isClosed = false;
    double probability = -1; // metadata.probability; −1 when absent
};

// What a stage change means for the deal (PRODUCT.md §4): by the pipeline's display order, never by name.
enum class StageChange { None, Advanced, Regressed, Won, Lost };

// The deal pipelines of a HubSpot account (GET /crm/v3/pipelines/deals).
class HubspotPipelines
{
public:
    // Reads
    // {"results":[{"id","label","displayOrder","stages":[{"id","label","displayOrder","metadata":{…}}]}]}.
    static HubspotPipelines fromJson(const QJsonObject& body);

    bool isEmpty() const { return m_stages.isEmpty(); }
    std::optional<HubspotStage> stage(const QString& pipeline, const QString& stageId) const;
    // Won / lost for a closed stage (probability 1 / 0, or the default ids closedwon / closedlost); else
    // advanced or regressed by displayOrder within the pipeline; None when a stage is unknown, the pipelines
    // differ or the stage did not change.
    StageChange classify(const QString& fromPipeline, const QString& fromStage, const QString& toPipeline,
        const QString& toStage) const;

private:
    QHash<QString, QHash<QString, HubspotStage>> m_stages; // pipeline id → stage id → stage
};

} // namespace caseyos
