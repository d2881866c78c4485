#pragma once

#include "execution/ActionKind.h"

#include <QJsonObject>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace caseyos {

// An action's payload as the user edits it before running: typed fields for an email (To, Cc, Subject, Body;
// a reply's thread and In-Reply-To ride along unchanged and are named below the fields), and for every other
// action the JSON object itself, pretty-printed and checked as it is typed (the executor validates the fields).
class PayloadEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PayloadEditor(QWidget* parent = nullptr);

    void setPayload(ActionKind kind, const QJsonObject& payload);
    // Another kind for the same payload (send_email ↔ create_draft keep the email fields).
    void setKind(ActionKind kind);
    ActionKind kind() const { return m_kind; }
    // The payload as edited; nullopt (and `error` says where) when the JSON text does not parse.
    std::optional<QJsonObject> payload(QString* error = nullptr) const;
    void setEditable(bool editable);
    bool isEmailForm() const;

    QLineEdit* toField() const { return m_to; }
    QLineEdit* ccField() const { return m_cc; }
    QLineEdit* subjectField() const { return m_subject; }
    QPlainTextEdit* bodyField() const { return m_body; }
    QPlainTextEdit* jsonField() const { return m_json; }

Q_SIGNALS:
    void edited(); // a field changed by the user

private:
    QWidget* buildEmailForm();
    QWidget* buildJsonForm();
    void checkJson();

    ActionKind m_kind = ActionKind::CreateTask;
    QJsonObject m_original; // fields the form does not show are kept from here
    bool m_filling = false;
    QStackedWidget* m_stack = nullptr;
    QLineEdit* m_to = nullptr;
    QLineEdit* m_cc = nullptr;
    QLineEdit* m_subject = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QLabel* m_replyNote = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QLabel* m_jsonError = nullptr;
};

} // namespace caseyos
