#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QListWidget;

namespace caseyos {

// Ctrl+K: every command in a list filtered as you type (each word must occur in the name); Up/Down pick,
// Enter runs the command after the palette closes. Disabled commands are listed but cannot run.
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    CommandPalette(const QList<QAction*>& actions, QWidget* parent = nullptr);

    void openPalette(); // clears the filter and shows, non-blocking
    QLineEdit* filterField() const { return m_filter; }
    QListWidget* list() const { return m_list; }
    QStringList visibleCommands() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refill();
    void runCurrent();

    QList<QAction*> m_actions;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_list = nullptr;
};

} // namespace caseyos
