#pragma once

#include "checks/BackgroundCheck.h"

namespace caseyos {

// New form leads since the last run: high when at least 3 leads (new or already seen) fall within 10 minutes
// of each other around a new one, else normal.
class NewLeadsCheck final : public BackgroundCheck
{
public:
    QString name() const override { return QStringLiteral("new_leads"); }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override;
};

// HubSpot deal events (created, stage changed, amount changed) since the last run: normal.
class DealUpdatesCheck final : public BackgroundCheck
{
public:
    QString name() const override { return QStringLiteral("deal_updates"); }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override;
};

// Gmail replies (reply_received, thread_updated) since the last run: urgent for 2 or more, else high.
class NewRepliesCheck final : public BackgroundCheck
{
public:
    QString name() const override { return QStringLiteral("new_replies"); }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override;
};

} // namespace caseyos
