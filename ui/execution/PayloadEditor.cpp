#include "PayloadEditor.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

bool isEmailKind(ActionKind kind)
{
    return kind == ActionKind::SendEmail || kind == ActionKind::CreateDraft;
}

QString joinAddresses(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    QStringList items;
    for (const QJsonValue& v : value.toArray())
        items.append(v.toString());
    return items.join(u", "_s);
}

// "a@x.com, b@y.com; c@z.com" → ["a@x.com", "b@y.com", "c@z.com"]; the executor checks each address.
QJsonArray splitAddresses(const QString& text)
{
    QJsonArray out;
    for (const QString& part : text.split(QRegularExpression(u"[,;]"_s), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    return out;
}

// "line 3, column 7" for a JSON parse error at `offset`.
QString positionOf(const QString& text, int offset)
{
    const QString before = text.left(offset);
    const int line = int(before.count(u'\n')) + 1;
    const int column = int(offset - before.lastIndexOf(u'\n'));
    return QCoreApplication::translate("PayloadEditor", "line %1, column %2").arg(line).arg(column);
}

} // namespace

PayloadEditor::PayloadEditor(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"payloadEditor"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget;
    m_stack->addWidget(buildEmailForm());
    m_stack->addWidget(buildJsonForm());
    layout->addWidget(m_stack);
}

QWidget* PayloadEditor::buildEmailForm()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_to = new QLineEdit;
    m_to->setObjectName(u"payloadTo"_s);
    m_to->setPlaceholderText(tr("name@company.com, …"));
    m_cc = new QLineEdit;
    m_cc->setObjectName(u"payloadCc"_s);
    m_subject = new QLineEdit;
    m_subject->setObjectName(u"payloadSubject"_s);
    m_body = new QPlainTextEdit;
    m_body->setObjectName(u"payloadBody"_s);
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(180);
    form->addRow(tr("&To"), m_to);
    form->addRow(tr("&Cc"), m_cc);
    form->addRow(tr("&Subject"), m_subject);
    form->addRow(tr("&Body"), m_body);
    m_replyNote = new QLabel;
    m_replyNote->setWordWrap(true);
    m_replyNote->setStyleSheet(u"color: #5f6b7a;"_s);
    form->addRow(QString(), m_replyNote);
    for (QLineEdit* field : { m_to, m_cc, m_subject })
        connect(field, &QLineEdit::textEdited, this, &PayloadEditor::edited);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            Q_EMIT edited();
    });
    return page;
}

QWidget* PayloadEditor::buildJsonForm()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_json = new QPlainTextEdit;
    m_json->setObjectName(u"payloadJson"_s);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setTabChangesFocus(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_json, 1);
    m_jsonError = new QLabel;
    m_jsonError->setObjectName(u"payloadJsonError"_s);
    m_jsonError->setWordWrap(true);
    m_jsonError->setStyleSheet(u"color: #b3261e;"_s);
    m_jsonError->hide();
    layout->addWidget(m_jsonError);
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (m_filling)
            return;
        checkJson();
        Q_EMIT edited();
    });
    return page;
}

bool PayloadEditor::isEmailForm() const
{
    return m_stack->currentIndex() == 0;
}

void PayloadEditor::setPayload(ActionKind kind, const QJsonObject& payload)
{
    m_kind = kind;
    m_original = payload;
    m_filling = true;
    if (isEmailKind(kind)) {
        m_to->setText(joinAddresses(payload.value(u"to"_s)));
        m_cc->setText(joinAddresses(payload.value(u"cc"_s)));
        m_subject->setText(payload.value(u"subject"_s).toString());
        m_body->setPlainText(payload.value(u"text"_s).toString());
        QStringList notes;
        if (payload.contains(u"thread_id"_s))
            notes << tr("Replies in Gmail thread %1.").arg(payload.value(u"thread_id"_s).toString());
        if (payload.contains(u"html"_s))
            notes << tr("An HTML version goes with the text.");
        m_replyNote->setText(notes.join(u' '));
        m_replyNote->setVisible(!notes.isEmpty());
        m_stack->setCurrentIndex(0);
    } else {
        m_json->setPlainText(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented)));
        m_jsonError->hide();
        m_stack->setCurrentIndex(1);
    }
    m_filling = false;
}

void PayloadEditor::setKind(ActionKind kind)
{
    if (isEmailKind(kind) && isEmailForm()) {
        m_kind = kind; // the same fields mean the same for a draft
        return;
    }
    QString error;
    setPayload(kind, payload(&error).value_or(QJsonObject()));
}

std::optional<QJsonObject> PayloadEditor::payload(QString* error) const
{
    if (!isEmailForm()) {
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &parse);
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            if (error)
                *error = parse.error != QJsonParseError::NoError
                    ? tr("The payload is not valid JSON (%1 at %2)")
                          .arg(parse.errorString(), positionOf(m_json->toPlainText(), parse.offset))
                    : tr("The payload must be a JSON object: { \"field\": value, … }");
            return std::nullopt;
        }
        return doc.object();
    }
    QJsonObject out = m_original; // thread_id, in_reply_to, html: kept as they came
    out.insert(u"to"_s, splitAddresses(m_to->text()));
    const QJsonArray cc = splitAddresses(m_cc->text());
    if (cc.isEmpty())
        out.remove(u"cc"_s);
    else
        out.insert(u"cc"_s, cc);
    out.insert(u"subject"_s, m_subject->text());
    out.insert(u"text"_s, m_body->toPlainText());
    return out;
}

void PayloadEditor::checkJson()
{
    QString error;
    const bool ok = payload(&error).has_value();
    m_jsonError->setText(error);
    m_jsonError->setVisible(!ok);
}

void PayloadEditor::setEditable(bool editable)
{
    for (QLineEdit* field : { m_to, m_cc, m_subject })
        field->setReadOnly(!editable);
    m_body->setReadOnly(!editable);
    m_json->setReadOnly(!editable);
}

} // namespace caseyos
