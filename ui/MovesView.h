#pragma once

#include <QTableView>

namespace caseyos {

class MovesFilterProxy;

// The Today's Moves table: one row per move, rows selected whole, the APS drawn as a bar, Today's top ten
// set apart by a rule under the tenth row. It knows moves by id so selection survives updates.
class MovesView : public QTableView
{
    Q_OBJECT
public:
    explicit MovesView(QWidget* parent = nullptr);

    void setMovesProxy(MovesFilterProxy* proxy);
    MovesFilterProxy* movesProxy() const { return m_proxy; }

    qint64 currentMoveId() const; // 0 when nothing is selected
    int currentRow() const; // -1 when nothing is selected
    bool selectMove(qint64 moveId); // false when the move is not in the list
    void selectRow(int row); // clamped; no-op on an empty list
    void stepSelection(int delta); // j / k
    // The move the selection should go to once the current one leaves the list: the next row, else the
    // previous one, else 0.
    qint64 neighbourOfCurrent() const;

    // Column widths that fit the content's usual size, the title taking the rest; Source and Domain hidden
    // (the header's context menu shows them).
    void applyDefaultColumnWidths();
    // Status says "Pending" on every row of Today, so it is shown only in the other views.
    void syncColumnsToView();
    // Shown in the middle of an empty list ("Loading moves…", how to add some).
    void setPlaceholderText(const QString& text);
    QString placeholderText() const { return m_placeholder; }

Q_SIGNALS:
    void currentMoveChanged(qint64 moveId);
    void openDetailRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyboardSearch(const QString& search) override; // letters are commands here, not type-ahead

private:
    void showHeaderMenu(const QPoint& position);

    MovesFilterProxy* m_proxy = nullptr;
    QString m_placeholder;
};

} // namespace caseyos
