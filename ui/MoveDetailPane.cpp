#include "MoveDetailPane.h"

#include "ApsBarDelegate.h"
#include "ComponentBar.h"
#include "MoveFormat.h"
#include "core/Timestamps.h"
#include "moves/MoveRow.h"
#include "outcomes/OutcomePicker.h"
#include "scoring/ApsCalculator.h"

#include <QAction>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString eventLabel(const QString& type)
{
    static const QHash<QString, QString> labels {
        { u"move_created"_s, u"Created"_s },
        { u"move_viewed"_s, u"Viewed"_s },
        { u"move_accepted"_s, u"Accepted"_s },
        { u"move_dismissed"_s, u"Dismissed"_s },
        { u"move_snoozed"_s, u"Snoozed"_s },
        { u"move_completed"_s, u"Completed"_s },
        { u"move_executed"_s, u"Executed"_s },
        { u"move_deleted"_s, u"Deleted"_s },
        { u"move_reopened"_s, u"Reopened"_s },
        { u"move_edited"_s, u"Edited"_s },
        { u"move_restored"_s, u"Restored (undo)"_s },
        { u"outcome_recorded"_s, u"Outcome recorded"_s },
    };
    return labels.value(type, type);
}

// Event details as "key: value" pairs; ISO times are shown in the local zone.
QString detailsText(const QJsonObject& details, const QTimeZone& zone)
{
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it) {
        QString value;
        if (it.value().isString()) {
            value = it.value().toString();
            if (value.size() >= 10 && value[4] == u'-') {
                if (const auto when = parseIsoDateTime(value))
                    value = formatLongTime(*when, zone);
            }
        } else if (it.value().isDouble()) {
            value = QString::number(it.value().toDouble());
        } else if (it.value().isBool()) {
            value = it.value().toBool() ? u"yes"_s : u"no"_s;
        } else {
            value = QString::fromUtf8(QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Compact));
        }
        if (!value.isEmpty())
            parts.append(it.key().toHtmlEscaped() + u": "_s + value.toHtmlEscaped());
    }
    return parts.join(u" · "_s);
}

// Long unbreakable values (ids, hashes) in a frameless read-only field: selectable, scrollable, and they do
// not force the pane wider than the window.
QLineEdit* makeIdField()
{
    auto* field = new QLineEdit;
    field->setReadOnly(true);
    field->setFrame(false);
    field->setFocusPolicy(Qt::ClickFocus);
    field->setStyleSheet(u"background: transparent;"_s);
    field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return field;
}

// Field names are a muted grey that still reads well on light and dark palettes' light side.
const QString fieldNameStyle = QStringLiteral("color: #5f6b7a;");

QLabel* makeFieldName(const QString& text)
{
    auto* name = new QLabel(text);
    name->setStyleSheet(fieldNameStyle);
    return name;
}

QLabel* makeValueLabel()
{
    auto* label = new QLabel;
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// "Email replied (+8)" for an outcome_recorded event, from its details; empty when they name no known type.
QString outcomeEventText(const QJsonObject& details)
{
    const std::optional<OutcomeType> type = outcomeTypeFromString(details.value(u"type"_s).toString());
    if (!type)
        return QString();
    QString text
        = outcomeTypeLabel(*type) + u" ("_s + impactText(details.value(u"impact"_s).toDouble(), 1) + u')';
    const double confidence = details.value(u"confidence"_s).toDouble(1.0);
    if (confidence < 1.0)
        text += u", confidence %1%"_s.arg(qRound(confidence * 100.0));
    return text;
}

} // namespace

MoveDetailPane::MoveDetailPane(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
{
    setObjectName(u"moveDetailPane"_s);
    setFocusPolicy(Qt::StrongFocus);
    buildUi();
    auto* leave = new QAction(this);
    leave->setShortcut(QKeySequence(Qt::Key_Escape));
    leave->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(leave, &QAction::triggered, this, &MoveDetailPane::leaveRequested);
    addAction(leave);
    clear();
}

QLabel* MoveDetailPane::addValue(QFormLayout* form, const QString& label)
{
    QLabel* value = makeValueLabel();
    form->addRow(makeFieldName(label), value);
    return value;
}

void MoveDetailPane::buildUi()
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget;
    outer->addWidget(m_stack);

    auto* empty = new QLabel(u"Select a move to see why it ranks where it does."_s);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setStyleSheet(u"color: #5f6b7a; padding: 24px;"_s);
    m_stack->addWidget(empty);

    auto* page = new QWidget;
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);

    m_actionsRow = new QWidget;
    m_actionsRow->setObjectName(u"detailActions"_s);
    auto* actionsLayout = new QHBoxLayout(m_actionsRow);
    actionsLayout->setContentsMargins(10, 6, 10, 6);
    actionsLayout->setSpacing(4);
    pageLayout->addWidget(m_actionsRow);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // content wraps to the pane's width
    pageLayout->addWidget(scroll, 1);

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(14, 8, 14, 14);
    layout->setSpacing(10);
    scroll->setWidget(body);

    m_title = makeValueLabel();
    m_title->setObjectName(u"detailTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);
    m_meta = makeValueLabel();
    layout->addWidget(m_meta);
    m_status = makeValueLabel();
    layout->addWidget(m_status);

    // What happened after the move: the picker records it (completing the move, re-scoring the contact's
    // other moves) and the label shows the last one recorded.
    auto* outcomeRow = new QHBoxLayout;
    outcomeRow->setSpacing(8);
    m_outcomePicker = new OutcomePicker;
    outcomeRow->addWidget(m_outcomePicker);
    m_outcome = makeValueLabel();
    m_outcome->setObjectName(u"detailOutcome"_s);
    m_outcome->setStyleSheet(u"color: #4b5563;"_s);
    outcomeRow->addWidget(m_outcome, 1);
    layout->addLayout(outcomeRow);
    connect(m_outcomePicker, &OutcomePicker::outcomeRequested, this, &MoveDetailPane::outcomeRequested);

    auto* scoreBox = new QGroupBox(u"Why it ranks here"_s);
    auto* scoreLayout = new QVBoxLayout(scoreBox);
    m_apsValue = makeValueLabel();
    m_apsValue->setObjectName(u"detailAps"_s);
    scoreLayout->addWidget(m_apsValue);
    m_revenue = new ComponentBar(u"Revenue"_s, QColor(0x15, 0x65, 0xc0));
    m_urgency = new ComponentBar(u"Urgency"_s, QColor(0xc6, 0x28, 0x28));
    m_effort = new ComponentBar(u"Effort"_s, QColor(0x00, 0x89, 0x7b));
    m_strategic = new ComponentBar(u"Strategic"_s, QColor(0x6a, 0x4f, 0xb3));
    for (ComponentBar* bar : { m_revenue, m_urgency, m_effort, m_strategic })
        scoreLayout->addWidget(bar);
    m_reasoning = makeValueLabel();
    m_reasoning->setObjectName(u"detailReasoning"_s);
    m_reasoning->setStyleSheet(u"color: #4b5563;"_s);
    scoreLayout->addWidget(m_reasoning);
    layout->addWidget(scoreBox);

    auto* whoBox = new QGroupBox(u"Contact and timing"_s);
    auto* who = new QFormLayout(whoBox);
    who->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_contact = addValue(who, u"Contact"_s);
    m_email = addValue(who, u"Email"_s);
    m_company = addValue(who, u"Company"_s);
    m_deal = addValue(who, u"Deal"_s);
    m_due = addValue(who, u"Due"_s);
    m_created = addValue(who, u"Created"_s);
    m_updated = addValue(who, u"Updated"_s);
    layout->addWidget(whoBox);

    m_descriptionBox = new QGroupBox(u"Description"_s);
    auto* descriptionLayout = new QVBoxLayout(m_descriptionBox);
    m_description = makeValueLabel();
    descriptionLayout->addWidget(m_description);
    layout->addWidget(m_descriptionBox);

    m_signalBox = new QGroupBox(u"Signal"_s);
    auto* signalForm = new QFormLayout(m_signalBox);
    signalForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_signalSource = addValue(signalForm, u"Source"_s);
    m_signalEvent = addValue(signalForm, u"Event"_s);
    m_signalSourceId = makeIdField();
    m_signalSourceId->setObjectName(u"detailSourceId"_s);
    signalForm->addRow(makeFieldName(u"Source id"_s), m_signalSourceId);
    m_signalOccurred = addValue(signalForm, u"Occurred"_s);
    m_signalDedupe = makeIdField();
    m_signalDedupe->setObjectName(u"detailDedupeKey"_s);
    signalForm->addRow(makeFieldName(u"Dedupe key"_s), m_signalDedupe);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_payload = new QPlainTextEdit;
    m_payload->setObjectName(u"detailPayload"_s);
    m_payload->setReadOnly(true);
    m_payload->setFont(mono);
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_payload->setMinimumHeight(90);
    m_payload->setMaximumHeight(200);
    m_payload->setFocusPolicy(Qt::ClickFocus);
    signalForm->addRow(makeFieldName(u"Payload"_s), m_payload);
    layout->addWidget(m_signalBox);

    auto* historyBox = new QGroupBox(u"History"_s);
    m_historyBox = historyBox;
    m_bodyLayout = layout;
    auto* historyLayout = new QVBoxLayout(historyBox);
    m_history = makeValueLabel();
    m_history->setObjectName(u"detailHistory"_s);
    m_history->setTextFormat(Qt::RichText);
    historyLayout->addWidget(m_history);
    layout->addWidget(historyBox);
    layout->addStretch(1);

    m_stack->addWidget(page);
}

void MoveDetailPane::setActions(const QList<QAction*>& named, const QList<QAction*>& iconOnly)
{
    auto* layout = static_cast<QHBoxLayout*>(m_actionsRow->layout());
    auto add = [&](QAction* action, Qt::ToolButtonStyle style) {
        auto* button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(style);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus);
        layout->addWidget(button);
    };
    for (QAction* action : named)
        add(action, Qt::ToolButtonTextBesideIcon);
    layout->addStretch(1);
    for (QAction* action : iconOnly)
        add(action, Qt::ToolButtonIconOnly);
}

void MoveDetailPane::addSection(QWidget* section)
{
    m_bodyLayout->insertWidget(m_bodyLayout->indexOf(m_historyBox), section);
}

void MoveDetailPane::clear()
{
    const bool changed = m_moveId != 0;
    m_moveId = 0;
    m_hasDetail = false;
    m_detail = MoveDetail();
    m_outcomePicker->setMoveId(0);
    m_outcome->clear();
    m_stack->setCurrentIndex(0);
    if (changed)
        Q_EMIT moveShown(0);
}

void MoveDetailPane::showComponents(const ApsComponents& c, double aps, double adjustment)
{
    const QString color = ApsBarDelegate::bandColor(aps).name();
    m_apsValue->setText(
        u"<span style='font-size:20pt; font-weight:600; color:%1'>%2</span>"
        "<span style='color:gray'>&nbsp;/ 100 APS</span>"_s.arg(color, QString::number(aps, 'f', 2)));
    // Returns QString, not a QStringBuilder that would outlive the temporary it refers to.
    auto percent = [](double v) -> QString { return QString::number(qRound(v * 100.0)) + u'%'; };
    m_revenue->setValue(c.revenue, percent(c.revenue));
    m_urgency->setValue(c.urgency, percent(c.urgency));
    // Effort counts inverted in the score: the bar shows how easy the move is, as the reasoning does.
    m_effort->setValue(1.0 - c.effort, percent(1.0 - c.effort) + u" easy"_s);
    m_strategic->setValue(c.strategic, percent(c.strategic));
    m_reasoning->setText(apsReasoning(c, adjustment));
}

void MoveDetailPane::showRow(const MoveRow& row)
{
    const bool sameMove = row.id == m_moveId;
    m_moveId = row.id;
    m_outcomePicker->setMoveId(row.id);
    if (!sameMove) {
        m_hasDetail = false;
        m_detail = MoveDetail();
        m_outcome->clear();
    }
    m_stack->setCurrentIndex(1);
    const QTimeZone zone = m_clock.localZone();
    const qint64 now = m_clock.now().toMSecsSinceEpoch();

    m_title->setText(row.title);
    m_meta->setText(
        QStringList { actionTypeLabel(row.actionType), domainLabel(row.domain), sourceLabel(row.source) }
            .join(u" · "_s));
    const MoveStatus status = row.effectiveStatus(now);
    QString statusText = u"<b>"_s + statusLabel(status) + u"</b>"_s;
    if (status == MoveStatus::Snoozed && row.snoozedUntilMs != 0)
        statusText += u" until "_s + formatLongTime(fromEpochMs(row.snoozedUntilMs), zone);
    m_status->setText(statusText);
    showComponents(row.components, row.aps, row.outcomeAdjustment);
    m_email->setText(row.contactEmail.isEmpty() ? u"—"_s : row.contactEmail);
    m_company->setText(row.company.isEmpty() ? u"—"_s : row.company);
    m_due->setText(row.dueByMs == 0 ? u"No due date"_s : formatLongTime(fromEpochMs(row.dueByMs), zone));
    m_created->setText(formatLongTime(fromEpochMs(row.createdAtMs), zone));
    if (!sameMove) {
        m_contact->setText(u"—"_s);
        m_deal->setText(u"—"_s);
        m_updated->setText(u"…"_s);
        m_descriptionBox->hide();
        m_signalBox->setVisible(row.source != u"manual");
        for (QLabel* label : { m_signalSource, m_signalEvent, m_signalOccurred })
            label->setText(u"…"_s);
        m_signalSourceId->clear();
        m_signalDedupe->clear();
        m_signalSource->setText(sourceLabel(row.source));
        m_payload->setPlainText(QString());
        m_history->setText(u"<i>Loading…</i>"_s);
        Q_EMIT moveShown(row.id);
    }
}

void MoveDetailPane::showDetail(const MoveDetail& detail)
{
    if (detail.move.id != m_moveId || m_moveId == 0)
        return; // a late answer for a move no longer shown
    m_detail = detail;
    m_hasDetail = true;
    const Move& move = detail.move;
    const QTimeZone zone = m_clock.localZone();

    m_title->setText(move.title);
    showComponents(move.components, move.aps, move.outcomeAdjustment);
    if (!move.reasoning.isEmpty())
        m_reasoning->setText(move.reasoning);
    m_contact->setText(move.contactName.isEmpty() ? u"—"_s : move.contactName);
    m_email->setText(move.contactEmail.isEmpty() ? u"—"_s : move.contactEmail);
    m_company->setText(move.company.isEmpty() ? u"—"_s : move.company);
    m_deal->setText(move.dealId.isEmpty() ? u"—"_s : move.dealId);
    m_due->setText(move.dueBy.isValid() ? formatLongTime(move.dueBy, zone) : u"No due date"_s);
    m_created->setText(formatLongTime(move.createdAt, zone));
    m_updated->setText(formatLongTime(move.updatedAt, zone));
    if (move.status == MoveStatus::Dismissed && !move.dismissReason.isEmpty())
        m_status->setText(m_status->text() + u" — "_s + move.dismissReason.toHtmlEscaped());
    m_descriptionBox->setVisible(!move.description.isEmpty());
    m_description->setText(move.description);

    m_signalBox->setVisible(detail.signal.has_value());
    if (detail.signal) {
        const Signal& signal = *detail.signal;
        m_signalSource->setText(sourceLabel(signal.source));
        m_signalEvent->setText(signal.eventType);
        m_signalSourceId->setText(signal.sourceId.isNull() ? u"—"_s : signal.sourceId);
        m_signalOccurred->setText(formatLongTime(signal.occurredAt, zone));
        m_signalDedupe->setText(signal.dedupeKey);
        m_signalDedupe->setCursorPosition(0);
        m_signalSourceId->setCursorPosition(0);
        m_payload->setPlainText(
            QString::fromUtf8(QJsonDocument(signal.payload).toJson(QJsonDocument::Indented)).trimmed());
    }

    // Views are recorded on every selection; listing each would bury the real history, so they are counted.
    QStringList lines;
    int views = 0;
    QDateTime lastView;
    QString lastOutcome;
    for (const MoveEvent& event : detail.history) {
        if (event.type == u"move_viewed") {
            ++views;
            lastView = std::max(lastView, event.at);
            continue;
        }
        QString line = u"<b>"_s + eventLabel(event.type).toHtmlEscaped() + u"</b> — "_s
            + formatLongTime(event.at, zone).toHtmlEscaped();
        const bool isOutcome = event.type == u"outcome_recorded";
        const QString outcome = isOutcome ? outcomeEventText(event.details) : QString();
        if (!outcome.isEmpty())
            lastOutcome = outcome + u", "_s + formatLongTime(event.at, zone);
        const QString details
            = !outcome.isEmpty() ? outcome.toHtmlEscaped() : detailsText(event.details, zone);
        if (!details.isEmpty())
            line += u"<br><span style='color:gray'>"_s + details + u"</span>"_s;
        lines.append(line);
    }
    if (views > 0)
        lines.append(
            u"<span style='color:gray'>Viewed %1 time%2, last %3</span>"_s.arg(QString::number(views),
                views == 1 ? QString() : u"s"_s, formatLongTime(lastView, zone).toHtmlEscaped()));
    m_history->setText(lines.isEmpty() ? u"<i>No events yet.</i>"_s : lines.join(u"<br>"_s));
    m_outcome->setText(lastOutcome.isEmpty() ? QString() : u"Last outcome: "_s + lastOutcome);
}

QString MoveDetailPane::outcomeText() const
{
    return m_outcome->text();
}

QString MoveDetailPane::titleText() const
{
    return m_stack->currentIndex() == 1 ? m_title->text() : QString();
}

QString MoveDetailPane::reasoningText() const
{
    return m_stack->currentIndex() == 1 ? m_reasoning->text() : QString();
}

QString MoveDetailPane::historyText() const
{
    return m_history->text();
}

QString MoveDetailPane::signalText() const
{
    if (!m_signalBox->isVisibleTo(this))
        return QString();
    return QStringList { m_signalSource->text(), m_signalEvent->text(), m_signalSourceId->text(),
        m_signalDedupe->text(), m_payload->toPlainText() }
        .join(u'\n');
}

} // namespace caseyos
