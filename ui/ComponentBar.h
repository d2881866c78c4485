#pragma once

#include <QColor>
#include <QWidget>

namespace caseyos {

// One APS component as a labelled bar (0–100 %), e.g. "Revenue ████████░░ 80%".
class ComponentBar : public QWidget
{
    Q_OBJECT
public:
    explicit ComponentBar(const QString& label, QColor color, QWidget* parent = nullptr);

    void setValue(double fraction, const QString& valueText); // fraction in [0, 1]
    double value() const { return m_value; }
    QString valueText() const { return m_valueText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_label;
    QColor m_color;
    double m_value = 0.0;
    QString m_valueText;
};

} // namespace caseyos
