#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace caseyos {

// "?": every keyboard shortcut with what it does, read from the actions themselves plus the list keys.
class ShortcutHelpDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutHelpDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
};

} // namespace caseyos
