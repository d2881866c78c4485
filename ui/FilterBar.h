#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSettings;

namespace caseyos {

class MovesFilterProxy;
class MovesModel;

// View, domain, action type and source pickers plus the search field, applied to the proxy. Search is
// applied shortly after typing stops, so a 200 000-row list is filtered once per pause, not per key.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    FilterBar(MovesFilterProxy* proxy, MovesModel* model, QWidget* parent = nullptr);

    QLineEdit* searchField() const { return m_search; }
    QComboBox* viewBox() const { return m_view; }
    QComboBox* domainBox() const { return m_domain; }
    QComboBox* actionTypeBox() const { return m_actionType; }
    QComboBox* sourceBox() const { return m_source; }

    void focusSearch();
    void applySearchNow(); // skips the typing pause

    void saveState(QSettings& settings) const;
    void restoreState(const QSettings& settings);

Q_SIGNALS:
    void leaveRequested(); // Esc / Enter / Down in the search field: back to the list

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshActionTypes();
    void applyCombos();

    MovesFilterProxy* m_proxy;
    MovesModel* m_model;
    QComboBox* m_view = nullptr;
    QComboBox* m_domain = nullptr;
    QComboBox* m_actionType = nullptr;
    QComboBox* m_source = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer m_searchDelay;
    QString m_wantedActionType; // restored before the action types are known
};

} // namespace caseyos
