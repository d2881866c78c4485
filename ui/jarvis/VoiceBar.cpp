#include "jarvis/VoiceBar.h"

#include <QColor>
#include <QHBoxLayout>
#include <QPalette>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace caseyos {

VoiceBar::VoiceBar(QWidget* parent)
    : QWidget(parent)
    , m_talk(new QToolButton(this))
    , m_meter(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_stop(new QToolButton(this))
{
    m_talk->setText(tr("Hold to talk"));
    m_talk->setToolTip(tr("Hold while you speak, then let go: Jarvis hears a question (or hold Ctrl+Space)"));
    m_talk->setAccessibleName(tr("Talk to Jarvis"));
    m_talk->setFocusPolicy(Qt::TabFocus);
    m_meter->setRange(0, 100);
    m_meter->setTextVisible(false);
    m_meter->setFixedWidth(60);
    m_meter->setMaximumHeight(8);
    m_meter->setAccessibleName(tr("Microphone level"));
    m_meter->hide();
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(false);
    m_status->setMinimumWidth(0);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop speaking (Esc)"));
    m_stop->hide();

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_talk);
    row->addWidget(m_meter);
    row->addWidget(m_status, 1);
    row->addWidget(m_stop);

    connect(m_talk, &QToolButton::pressed, this, &VoiceBar::talkPressed);
    connect(m_talk, &QToolButton::released, this, &VoiceBar::talkReleased);
    connect(m_stop, &QToolButton::clicked, this, &VoiceBar::stopSpeakingRequested);
    setStatus({});
}

void VoiceBar::setListening(bool listening)
{
    m_meter->setVisible(listening);
    m_meter->setValue(0);
}

void VoiceBar::setLevel(float rms)
{
    // Speech sits around 0.02–0.3 RMS: a square root spreads it over the bar.
    m_meter->setValue(int(std::lround(std::sqrt(std::clamp(rms, 0.0f, 1.0f)) * 100)));
}

void VoiceBar::setSpeaking(bool speaking)
{
    m_stop->setVisible(speaking);
}

void VoiceBar::setStatus(const QString& text, bool problem)
{
    m_status->setText(text.isEmpty() ? tr("or hold Ctrl+Space") : text);
    m_status->setToolTip(m_status->text());
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
        problem ? QColor(0xb0, 0x2a, 0x2a) : palette.color(QPalette::PlaceholderText));
    m_status->setPalette(palette);
}

} // namespace caseyos
