// File ▸ Settings (ui/settings) offscreen: every page over a settings file of its own (an INI file in a
// temporary home, never the user's or the other tests' settings), the sending limits over a real
// ExecutionClient on a migrated workspace database, and the window's menu, shortcut and palette entry. Saves
// docs/screenshots/settings-dialog.png.
#include "CommandPalette.h"
#include "FakeClock.h"
#include "MainWindow.h"
#include "MoveActions.h"
#include "TempHome.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "checks/BackgroundScheduler.h"
#include "desktop/QuietHours.h"
#include "execution/ExecutionClient.h"
#include "execution/ExecutionSettings.h"
#include "execution/MeetingSlots.h"
#include "llm/LlmSettings.h"
#include "mcp/McpClientConfig.h"
#include "mcp/McpSettings.h"
#include "memory/SessionSummaries.h"
#include "settings/AssistantPage.h"
#include "settings/McpPage.h"
#include "settings/MemoryPage.h"
#include "settings/NotificationsPage.h"
#include "settings/SendingPage.h"
#include "settings/SettingsDialog.h"
#include "settings/SettingsFields.h"
#include "settings/VoicePage.h"
#include "voice/VoiceSettings.h"
#include "settings/WorkingHoursBox.h"
#include "storage/Database.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>
#include <gtest/gtest.h>
#include <iostream>
#include <memory>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

const QString kCanaryKey = u"sk-canary-settings-7f3c9a1e5b"_s;

// A key source like jarvis::apiKeySource, answering later (as the keychain does) with the canary for OpenAI
// and with no account for the other providers.
ProviderKeyStatus::KeySourceFor canaryKeySource()
{
    return [](llm::ProviderKind kind) -> TokenSource {
        if (kind != llm::ProviderKind::OpenAi)
            return {};
        return [](QObject* context, CredentialCallback done) {
            QTimer::singleShot(30, context, [done] { done(Result<QString>::success(kCanaryKey)); });
        };
    };
}

void click(SettingsDialog& dialog, QDialogButtonBox::StandardButton which)
{
    QTest::mouseClick(dialog.buttons()->button(which), Qt::LeftButton);
}

class SettingsDialogTest : public ::testing::Test
{
protected:
    QString settingsFile() const { return home.file(u"settings.ini"_s); }
    std::unique_ptr<QSettings> settings() const
    {
        return std::make_unique<QSettings>(settingsFile(), QSettings::IniFormat);
    }
    QByteArray settingsBytes() const
    {
        QFile file(settingsFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<no file>");
    }

    // The workspace database (migrated) with an executor thread over it, as the window has once it is open.
    bool openWorkspace()
    {
        QString error;
        if (!db.open(home.databasePath(), &error)) {
            ADD_FAILURE() << error.toStdString();
            return false;
        }
        executions = std::make_unique<ExecutionClient>(home.databasePath(), clock, PerformerSetup());
        QSignalSpy ready(executions.get(), &ExecutionClient::ready);
        executions->start();
        return waitForSignal(ready);
    }

    std::unique_ptr<SettingsDialog> makeDialog(ProviderKeyStatus::KeySourceFor keySource = {})
    {
        SettingsDialog::Sources sources;
        sources.settingsFile = settingsFile();
        sources.executions = executions.get();
        sources.keySource = std::move(keySource);
        sources.showAccounts = [this] { ++accountsShown; };
        sources.mcpClientConfig = mcpClientConfig(u"/usr/bin/caseyos"_s, home.path(), false);
        auto dialog = std::make_unique<SettingsDialog>(clock, std::move(sources));
        dialog->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
        return dialog;
    }

    // Types into a spin box the way a user does: select everything, type the digits.
    static void typeInto(QSpinBox* box, const QString& text)
    {
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, text);
    }

    TempHome home;
    FakeClock clock;
    Database db;
    std::unique_ptr<ExecutionClient> executions;
    int accountsShown = 0;
};

} // namespace

TEST_F(SettingsDialogTest, ShowsTheCurrentValues)
{
    {
        auto s = settings();
        llm::LlmSettings llm;
        llm.provider = llm::ProviderKind::Gemini;
        llm.model = u"gemini-2.5-pro"_s;
        llm.maxSteps = 4;
        llm.timeoutSeconds = 90;
        llm.cloudChat = true;
        llm.save(*s);
        SummaryPolicy policy;
        policy.deleteSummarizedMessages = true;
        policy.save(*s);
        allowMcpTool(*s, u"execute_move"_s);
        allowMcpTool(*s, u"create_email_draft"_s);
        WorkingHours hours;
        hours.start = QTime(8, 30);
        hours.end = QTime(16, 0);
        hours.days = { 1, 2, 3, 4 };
        hours.followsSystemZone = false;
        hours.zone = QTimeZone("Europe/Berlin");
        hours.searchDays = 14;
        hours.save(*s);
        QuietHours quiet;
        quiet.enabled = true;
        quiet.start = QTime(21, 0);
        quiet.end = QTime(6, 30);
        quiet.save(*s);
    }
    ASSERT_TRUE(openWorkspace());
    ASSERT_TRUE(ExecutionSettings(db).setUndoWindowMs(15000, clock.now()));
    ASSERT_TRUE(ExecutionSettings(db).setEmailsPerDay(30, clock.now()));
    ASSERT_TRUE(ExecutionSettings(db).setEmailsPerContactPerWeek(3, clock.now()));
    ASSERT_TRUE(ExecutionSettings(db).setUnsubscribePolicy(UnsubscribePolicy::Always, clock.now()));

    auto dialog = makeDialog();
    AssistantPage* assistant = dialog->assistantPage();
    EXPECT_EQ(assistant->providerBox()->currentData().toString(), u"gemini"_s);
    EXPECT_EQ(assistant->modelField()->text(), u"gemini-2.5-pro"_s);
    EXPECT_EQ(assistant->maxStepsBox()->value(), 4);
    EXPECT_EQ(assistant->timeoutBox()->value(), 90);
    EXPECT_TRUE(assistant->cloudChatBox()->isChecked());
    EXPECT_FALSE(assistant->cloudEmbeddingsBox()->isChecked());
    EXPECT_TRUE(assistant->embeddingModelField()->placeholderText().contains(u"text-embedding-004"_s));
    EXPECT_TRUE(dialog->memoryPage()->deleteSummarizedBox()->isChecked());
    EXPECT_EQ(
        dialog->mcpPage()->allowedTools(), (QStringList { u"execute_move"_s, u"create_email_draft"_s }));
    EXPECT_TRUE(dialog->notificationsPage()->quietHoursBox()->isChecked());
    EXPECT_EQ(dialog->notificationsPage()->quietStartEdit()->time(), QTime(21, 0));
    EXPECT_EQ(dialog->notificationsPage()->intervalBox()->value(), 5); // the default

    WorkingHoursBox* hours = dialog->sendingPage()->workingHours();
    EXPECT_EQ(hours->startEdit()->time(), QTime(8, 30));
    EXPECT_EQ(hours->endEdit()->time(), QTime(16, 0));
    EXPECT_TRUE(hours->dayBox(4)->isChecked());
    EXPECT_FALSE(hours->dayBox(5)->isChecked());
    EXPECT_EQ(hours->zoneBox()->currentText(), u"Europe/Berlin"_s);
    EXPECT_EQ(hours->searchDaysBox()->value(), 14);

    // The sending limits come from the database, through the executor's thread.
    SendingPage* sending = dialog->sendingPage();
    ASSERT_TRUE(waitFor([&] { return sending->limitsLoaded(); }))
        << sending->limitsStatus()->text().toStdString();
    EXPECT_EQ(sending->undoWindowBox()->value(), 15);
    EXPECT_EQ(sending->emailsPerDayBox()->value(), 30);
    EXPECT_EQ(sending->emailsPerContactBox()->value(), 3);
    EXPECT_EQ(sending->unsubscribeBox()->currentData().toInt(), int(UnsubscribePolicy::Always));
    EXPECT_TRUE(sending->undoWindowBox()->isEnabled());
    EXPECT_FALSE(sending->limitsChanged());
}

TEST_F(SettingsDialogTest, WithoutAWorkspaceTheSendingLimitsSaySo)
{
    auto dialog = makeDialog();
    SendingPage* sending = dialog->sendingPage();
    EXPECT_FALSE(sending->undoWindowBox()->isEnabled());
    EXPECT_TRUE(sending->limitsStatus()->text().contains(u"Open a workspace"_s))
        << sending->limitsStatus()->text().toStdString();
    // The rest of the page still saves.
    sending->workingHours()->dayBox(6)->setChecked(true);
    click(*dialog, QDialogButtonBox::Ok);
    EXPECT_FALSE(dialog->isVisible()) << dialog->message().toStdString();
    EXPECT_TRUE(WorkingHours::fromSettings(*settings(), clock).days.contains(6));
}

TEST_F(SettingsDialogTest, OpenAiCompatibleEnablesTheBaseUrl)
{
    auto dialog = makeDialog();
    AssistantPage* page = dialog->assistantPage();
    QComboBox* provider = page->providerBox();
    EXPECT_EQ(provider->currentData().toString(), u"offline"_s); // the default
    EXPECT_FALSE(page->baseUrlField()->isEnabled());
    EXPECT_FALSE(page->modelField()->isEnabled());
    EXPECT_TRUE(page->keyStatus()->text().contains(u"needs no key"_s))
        << page->keyStatus()->text().toStdString();

    provider->setCurrentIndex(provider->findData(u"openai-compatible"_s));
    EXPECT_TRUE(page->baseUrlField()->isEnabled());
    EXPECT_TRUE(page->modelField()->isEnabled());
    EXPECT_TRUE(page->baseUrlField()->placeholderText().contains(u"http://localhost:11434/v1"_s))
        << page->baseUrlField()->placeholderText().toStdString();
    EXPECT_TRUE(page->modelField()->placeholderText().contains(u"llama3.1"_s));

    provider->setCurrentIndex(provider->findData(u"openai"_s));
    EXPECT_FALSE(page->baseUrlField()->isEnabled());
    EXPECT_TRUE(page->baseUrlField()->placeholderText().contains(u"https://api.openai.com/v1"_s));
    EXPECT_TRUE(page->modelField()->placeholderText().contains(u"gpt-4o-mini"_s));
}

TEST_F(SettingsDialogTest, OkWritesWhatLlmSettingsLoads)
{
    auto dialog = makeDialog();
    AssistantPage* page = dialog->assistantPage();
    page->providerBox()->setCurrentIndex(page->providerBox()->findData(u"openai-compatible"_s));
    QTest::keyClicks(page->baseUrlField(), u"http://127.0.0.1:1234/v1"_s);
    QTest::keyClicks(page->modelField(), u"qwen2.5"_s);
    QTest::keyClicks(page->embeddingModelField(), u"nomic-embed-text"_s);
    typeInto(page->maxStepsBox(), u"8"_s);
    typeInto(page->timeoutBox(), u"120"_s);
    page->cloudChatBox()->click();
    page->cloudSummariesBox()->click();

    click(*dialog, QDialogButtonBox::Ok);
    EXPECT_FALSE(dialog->isVisible()) << dialog->message().toStdString();
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    const llm::LlmSettings s = llm::LlmSettings::load(*settings());
    EXPECT_EQ(s.provider, llm::ProviderKind::OpenAiCompatible);
    EXPECT_EQ(s.baseUrl, QUrl(u"http://127.0.0.1:1234/v1"_s));
    EXPECT_EQ(s.model, u"qwen2.5"_s);
    EXPECT_EQ(s.embeddingModel, u"nomic-embed-text"_s);
    EXPECT_EQ(s.maxSteps, 8);
    EXPECT_EQ(s.timeoutSeconds, 120);
    EXPECT_TRUE(s.cloudChat);
    EXPECT_FALSE(s.cloudEmbeddings);
    EXPECT_TRUE(s.cloudSummaries);
    EXPECT_FALSE(s.cloudAgents);
    EXPECT_TRUE(s.isLocal());
}

TEST_F(SettingsDialogTest, SwitchingProviderBringsBackWhatWasTypedForEach)
{
    {
        auto s = settings();
        llm::LlmSettings llm;
        llm.provider = llm::ProviderKind::OpenAiCompatible;
        llm.baseUrl = QUrl(u"http://localhost:1234/v1"_s);
        llm.model = u"mistral"_s;
        llm.save(*s);
    }
    auto dialog = makeDialog();
    AssistantPage* page = dialog->assistantPage();
    EXPECT_EQ(page->baseUrlField()->text(), u"http://localhost:1234/v1"_s);
    page->setProvider(llm::ProviderKind::Xai);
    // A model name and an address belong to one provider: xAI starts from its defaults.
    EXPECT_TRUE(page->modelField()->text().isEmpty());
    EXPECT_TRUE(page->baseUrlField()->text().isEmpty());
    EXPECT_TRUE(page->embeddingModelField()->placeholderText().contains(u"no embeddings"_s));
    QTest::keyClicks(page->modelField(), u"grok-4"_s);
    page->setProvider(llm::ProviderKind::OpenAiCompatible);
    EXPECT_EQ(page->modelField()->text(), u"mistral"_s);
    EXPECT_EQ(page->baseUrlField()->text(), u"http://localhost:1234/v1"_s);
    page->setProvider(llm::ProviderKind::Xai);
    EXPECT_EQ(page->modelField()->text(), u"grok-4"_s);

    click(*dialog, QDialogButtonBox::Ok);
    ASSERT_FALSE(dialog->isVisible()) << dialog->message().toStdString();
    const llm::LlmSettings s = llm::LlmSettings::load(*settings());
    EXPECT_EQ(s.provider, llm::ProviderKind::Xai);
    EXPECT_EQ(s.model, u"grok-4"_s);
    EXPECT_TRUE(s.baseUrl.isEmpty()); // xAI's own address, not the local server's
}

TEST_F(SettingsDialogTest, AnInvalidBaseUrlIsRefused)
{
    auto dialog = makeDialog();
    AssistantPage* page = dialog->assistantPage();
    page->setProvider(llm::ProviderKind::OpenAiCompatible);
    QTest::keyClicks(page->baseUrlField(), u"localhost:11434"_s); // no scheme
    click(*dialog, QDialogButtonBox::Apply);
    EXPECT_TRUE(dialog->message().contains(u"http://"_s)) << dialog->message().toStdString();
    EXPECT_TRUE(settingsui::isMarkedInvalid(page->baseUrlField()));
    EXPECT_FALSE(QFile::exists(settingsFile()));

    page->baseUrlField()->clear();
    QTest::keyClicks(page->baseUrlField(), u"http://localhost:11434/v1"_s);
    EXPECT_TRUE(dialog->message().isEmpty()) << dialog->message().toStdString(); // checked again as you type
    EXPECT_FALSE(settingsui::isMarkedInvalid(page->baseUrlField()));
    click(*dialog, QDialogButtonBox::Apply);
    EXPECT_TRUE(dialog->isVisible()); // Apply keeps it open
    EXPECT_EQ(dialog->message(), u"Saved."_s);
    EXPECT_EQ(llm::LlmSettings::load(*settings()).baseUrl, QUrl(u"http://localhost:11434/v1"_s));
}

TEST_F(SettingsDialogTest, CancelWritesNothing)
{
    {
        auto s = settings();
        allowMcpTool(*s, u"execute_move"_s);
    }
    ASSERT_TRUE(openWorkspace());
    const QByteArray before = settingsBytes();
    auto dialog = makeDialog();
    SendingPage* sending = dialog->sendingPage();
    ASSERT_TRUE(waitFor([&] { return sending->limitsLoaded(); }));

    dialog->assistantPage()->setProvider(llm::ProviderKind::OpenAi);
    dialog->assistantPage()->cloudChatBox()->click();
    dialog->memoryPage()->deleteSummarizedBox()->click();
    typeInto(sending->undoWindowBox(), u"30"_s);
    typeInto(sending->emailsPerDayBox(), u"50"_s);
    sending->workingHours()->dayBox(7)->setChecked(true);
    McpPage* mcp = dialog->mcpPage();
    mcp->toolList()->item(0)->setSelected(true);
    QTest::mouseClick(mcp->removeButton(), Qt::LeftButton);
    EXPECT_TRUE(mcp->allowedTools().isEmpty());

    click(*dialog, QDialogButtonBox::Cancel);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(dialog->result(), QDialog::Rejected);
    QTest::qWait(100); // a write would have been posted to the executor's thread by now
    EXPECT_EQ(settingsBytes(), before);
    const ExecutionLimits limits = ExecutionSettings(db).load();
    EXPECT_EQ(limits.undoWindowMs, 10000);
    EXPECT_EQ(limits.emailsPerDay, 20);
}

TEST_F(SettingsDialogTest, AnUndoWindowOverTenMinutesIsRefusedAndNothingIsSaved)
{
    ASSERT_TRUE(openWorkspace());
    auto dialog = makeDialog();
    SendingPage* sending = dialog->sendingPage();
    ASSERT_TRUE(waitFor([&] { return sending->limitsLoaded(); }));
    EXPECT_EQ(sending->undoWindowBox()->value(), 10); // the default, 10 s

    dialog->memoryPage()->deleteSummarizedBox()->click(); // a change on another page: not saved either
    typeInto(sending->emailsPerDayBox(), u"25"_s);
    typeInto(sending->undoWindowBox(), u"900"_s);
    ASSERT_EQ(sending->undoWindowBox()->value(), 900); // typed, not silently dropped
    dialog->showPage(dialog->memoryPage());

    click(*dialog, QDialogButtonBox::Ok);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->currentPage(), sending); // the page with the problem comes forward
    EXPECT_TRUE(dialog->message().contains(u"10 minutes"_s)) << dialog->message().toStdString();
    QLabel* message = dialog->findChild<QLabel*>(u"settingsMessage"_s);
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->isVisible());
    EXPECT_TRUE(settingsui::isMarkedInvalid(sending->undoWindowBox()));
    EXPECT_TRUE(sending->undoWindowBox()->hasFocus());
    dialog->grab().save( // for a look, in build/screenshots: the refused value and its sentence
        QDir(screenshotFolder(QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR)))
            .filePath(u"settings-refused.png"_s));
    QTest::qWait(100);
    EXPECT_FALSE(QFile::exists(settingsFile())) << settingsBytes().toStdString();
    EXPECT_EQ(ExecutionSettings(db).load().undoWindowMs, 10000);
    EXPECT_EQ(ExecutionSettings(db).load().emailsPerDay, 20);

    // Fixed: the message goes as the value is typed, and OK stores everything (and closes once the database
    // answered).
    typeInto(sending->undoWindowBox(), u"600"_s);
    EXPECT_TRUE(dialog->message().isEmpty()) << dialog->message().toStdString();
    EXPECT_FALSE(settingsui::isMarkedInvalid(sending->undoWindowBox()));
    click(*dialog, QDialogButtonBox::Ok);
    ASSERT_TRUE(waitFor([&] { return !dialog->isVisible(); })) << dialog->message().toStdString();
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    const ExecutionLimits limits = ExecutionSettings(db).load();
    EXPECT_EQ(limits.undoWindowMs, ExecutionLimits::kMaxUndoWindowMs);
    EXPECT_EQ(limits.emailsPerDay, 25);
    EXPECT_EQ(limits.emailsPerContactPerWeek, 2);
    EXPECT_TRUE(SummaryPolicy::fromSettings(*settings()).deleteSummarizedMessages);
}

TEST_F(SettingsDialogTest, ApplyStoresTheSendingLimitsOnceAndKeepsAnOddUndoWindow)
{
    ASSERT_TRUE(openWorkspace());
    ASSERT_TRUE(ExecutionSettings(db).setUndoWindowMs(2500, clock.now())); // set elsewhere, not whole seconds
    auto dialog = makeDialog();
    SendingPage* sending = dialog->sendingPage();
    ASSERT_TRUE(waitFor([&] { return sending->limitsLoaded(); }));
    EXPECT_EQ(sending->undoWindowBox()->value(), 3);
    sending->unsubscribeBox()->setCurrentIndex(
        sending->unsubscribeBox()->findData(int(UnsubscribePolicy::Never)));
    QSignalSpy saved(sending, &SendingPage::limitsSaved);
    click(*dialog, QDialogButtonBox::Apply);
    EXPECT_TRUE(dialog->isSaving());
    EXPECT_FALSE(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    ASSERT_TRUE(waitForSignal(saved));
    EXPECT_TRUE(saved.first().at(0).toString().isEmpty()) << saved.first().at(0).toString().toStdString();
    EXPECT_EQ(dialog->message(), u"Saved."_s);
    EXPECT_TRUE(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    const ExecutionLimits limits = ExecutionSettings(db).load();
    EXPECT_EQ(limits.unsubscribe, UnsubscribePolicy::Never);
    EXPECT_EQ(limits.undoWindowMs, 2500); // untouched: shown rounded, never rewritten as 3 s
    EXPECT_FALSE(sending->limitsChanged());
    click(*dialog, QDialogButtonBox::Apply); // nothing left to write
    EXPECT_FALSE(dialog->isSaving());
}

TEST_F(SettingsDialogTest, RemovingAnAllowedMcpToolPersists)
{
    {
        auto s = settings();
        allowMcpTool(*s, u"execute_move"_s);
        allowMcpTool(*s, u"create_email_draft"_s);
    }
    auto dialog = makeDialog();
    dialog->showPage(dialog->mcpPage());
    McpPage* mcp = dialog->mcpPage();
    EXPECT_FALSE(mcp->removeButton()->isEnabled()); // nothing selected yet
    mcp->toolList()->setCurrentRow(0);
    EXPECT_TRUE(mcp->removeButton()->isEnabled());
    QTest::mouseClick(mcp->removeButton(), Qt::LeftButton);
    EXPECT_EQ(mcp->allowedTools(), QStringList { u"create_email_draft"_s });
    // Meanwhile the approvals dialog allows another tool for good: removing one here keeps it.
    allowMcpTool(*settings(), u"get_approval"_s);

    click(*dialog, QDialogButtonBox::Ok);
    ASSERT_FALSE(dialog->isVisible()) << dialog->message().toStdString();
    EXPECT_EQ(allowedMcpTools(*settings()), (QStringList { u"create_email_draft"_s, u"get_approval"_s }));
}

TEST_F(SettingsDialogTest, CopiesTheClientConfigurationTheCliPrints)
{
    auto dialog = makeDialog();
    McpPage* mcp = dialog->mcpPage();
    const QByteArray expected = mcpClientConfig(u"/usr/bin/caseyos"_s, home.path(), false);
    QApplication::clipboard()->clear();
    QTest::mouseClick(mcp->copyButton(), Qt::LeftButton);
    EXPECT_EQ(QApplication::clipboard()->text(), QString::fromUtf8(expected));
    EXPECT_TRUE(mcp->configView()->toPlainText().contains(u"\"--home\""_s));
    EXPECT_TRUE(mcp->configView()->toPlainText().contains(QDir(home.path()).absolutePath()));
}

TEST_F(SettingsDialogTest, TheKeyStatusAsksTheKeychainAndNeverShowsOrStoresTheKey)
{
    auto dialog = makeDialog(canaryKeySource());
    AssistantPage* page = dialog->assistantPage();
    page->setProvider(llm::ProviderKind::Gemini); // no account
    EXPECT_TRUE(page->keyStatus()->text().contains(u"No key for Gemini"_s))
        << page->keyStatus()->text().toStdString();

    page->setProvider(llm::ProviderKind::OpenAi);
    EXPECT_TRUE(page->keyStatus()->isChecking());
    EXPECT_TRUE(page->keyStatus()->text().contains(u"Checking"_s)) << page->keyStatus()->text().toStdString();
    ASSERT_TRUE(waitFor([&] { return !page->keyStatus()->isChecking(); }));
    EXPECT_EQ(page->keyStatus()->text(), u"A key for OpenAI is stored in the keychain."_s)
        << page->keyStatus()->text().toStdString();

    QTest::mouseClick(page->keyStatus()->manageButton(), Qt::LeftButton);
    EXPECT_EQ(accountsShown, 1);

    page->cloudChatBox()->click();
    click(*dialog, QDialogButtonBox::Ok);
    ASSERT_FALSE(dialog->isVisible()) << dialog->message().toStdString();

    // The key appears in no widget of the dialog and nowhere in the settings file, and no setting is named
    // like a secret.
    for (const QLabel* label : dialog->findChildren<QLabel*>())
        EXPECT_FALSE(label->text().contains(kCanaryKey)) << label->objectName().toStdString();
    for (const QLineEdit* field : dialog->findChildren<QLineEdit*>())
        EXPECT_FALSE(field->text().contains(kCanaryKey)) << field->objectName().toStdString();
    const QByteArray file = settingsBytes();
    EXPECT_FALSE(file.contains(kCanaryKey.toUtf8())) << file.toStdString();
    EXPECT_FALSE(file.contains("sk-")) << file.toStdString();
    const QRegularExpression secretName(
        u"key|token|secret|password|credential"_s, QRegularExpression::CaseInsensitiveOption);
    const QStringList keys = settings()->allKeys();
    EXPECT_TRUE(keys.contains(llm::LlmSettings::providerKey()));
    for (const QString& key : keys)
        EXPECT_FALSE(secretName.match(key).hasMatch()) << key.toStdString();
}

TEST_F(SettingsDialogTest, WorkingHoursAreCheckedAndSavedForTheSlotFinder)
{
    auto dialog = makeDialog();
    WorkingHoursBox* hours = dialog->sendingPage()->workingHours();
    EXPECT_EQ(hours->zoneBox()->currentIndex(), 0); // the system's zone by default
    hours->startEdit()->setTime(QTime(17, 0));
    hours->endEdit()->setTime(QTime(9, 0));
    click(*dialog, QDialogButtonBox::Apply);
    EXPECT_TRUE(dialog->message().contains(u"end after it starts"_s)) << dialog->message().toStdString();
    EXPECT_TRUE(settingsui::isMarkedInvalid(hours->endEdit()));

    hours->startEdit()->setTime(QTime(8, 0));
    hours->endEdit()->setTime(QTime(12, 30));
    for (int day = 1; day <= 7; ++day)
        hours->dayBox(day)->setChecked(false);
    click(*dialog, QDialogButtonBox::Apply);
    EXPECT_TRUE(dialog->message().contains(u"at least one working day"_s)) << dialog->message().toStdString();
    hours->dayBox(2)->setChecked(true);
    hours->dayBox(3)->setChecked(true);

    hours->zoneBox()->setEditText(u"Mars/Olympus_Mons"_s);
    click(*dialog, QDialogButtonBox::Apply);
    EXPECT_TRUE(dialog->message().contains(u"Mars/Olympus_Mons"_s)) << dialog->message().toStdString();
    hours->zoneBox()->setCurrentIndex(hours->zoneBox()->findData(u"America/New_York"_s));
    typeInto(hours->searchDaysBox(), u"90"_s);
    click(*dialog, QDialogButtonBox::Apply);
    EXPECT_TRUE(dialog->message().contains(u"60 days"_s)) << dialog->message().toStdString();
    EXPECT_FALSE(QFile::exists(settingsFile()));
    typeInto(hours->searchDaysBox(), u"21"_s);
    click(*dialog, QDialogButtonBox::Ok);
    ASSERT_FALSE(dialog->isVisible()) << dialog->message().toStdString();

    const WorkingHours saved = WorkingHours::fromSettings(*settings(), clock);
    EXPECT_EQ(saved.start, QTime(8, 0));
    EXPECT_EQ(saved.end, QTime(12, 30));
    EXPECT_EQ(saved.days, (QList<int> { 2, 3 }));
    EXPECT_FALSE(saved.followsSystemZone);
    EXPECT_EQ(saved.zone.id(), QByteArray("America/New_York"));
    EXPECT_EQ(saved.searchDays, 21);
}

TEST_F(SettingsDialogTest, NotificationsPageSavesQuietHoursAndTheCheckInterval)
{
    auto dialog = makeDialog();
    NotificationsPage* page = dialog->notificationsPage();
    EXPECT_FALSE(page->quietHoursBox()->isChecked());
    EXPECT_FALSE(page->quietStartEdit()->isEnabled());
    page->quietHoursBox()->click();
    EXPECT_TRUE(page->quietStartEdit()->isEnabled());
    page->quietStartEdit()->setTime(QTime(23, 0));
    page->quietEndEdit()->setTime(QTime(6, 0));
    typeInto(page->intervalBox(), u"2000"_s);
    click(*dialog, QDialogButtonBox::Apply);
    EXPECT_TRUE(dialog->message().contains(u"1440"_s)) << dialog->message().toStdString();
    typeInto(page->intervalBox(), u"15"_s);
    click(*dialog, QDialogButtonBox::Ok);
    ASSERT_FALSE(dialog->isVisible()) << dialog->message().toStdString();
    const QuietHours quiet = QuietHours::load(*settings());
    EXPECT_TRUE(quiet.enabled);
    EXPECT_EQ(quiet.start, QTime(23, 0));
    EXPECT_EQ(quiet.end, QTime(6, 0));
    EXPECT_EQ(BackgroundScheduler::intervalFromSettings(*settings()), 15);
}

TEST_F(SettingsDialogTest, VoicePageSavesTheEnginesAndRefusesASpeedOutOfRange)
{
    auto dialog = makeDialog();
    VoicePage* page = dialog->voicePage();
    // The defaults: offline both ways, answers to spoken questions read aloud, nova (unused offline).
    EXPECT_EQ(page->transcriptionBox()->currentData().toInt(), int(voice::Engine::Offline));
    EXPECT_EQ(page->speechBox()->currentData().toInt(), int(voice::Engine::Offline));
    EXPECT_EQ(page->speakBox()->currentData().toInt(), int(voice::SpeakMode::VoiceTurns));
    EXPECT_EQ(page->voiceBox()->currentText(), u"nova"_s);
    EXPECT_FALSE(page->voiceBox()->isEnabled());
    EXPECT_EQ(page->microphoneBox()->itemText(0), u"System default"_s);
    // Each OpenAI choice says what it sends.
    EXPECT_TRUE(page->transcriptionBox()->itemText(1).contains(u"sends the recording"_s));
    EXPECT_TRUE(page->speechBox()->itemText(1).contains(u"sends the answer's text"_s));

    page->speechBox()->setCurrentIndex(page->speechBox()->findData(int(voice::Engine::OpenAi)));
    EXPECT_TRUE(page->voiceBox()->isEnabled());
    page->voiceBox()->setCurrentIndex(page->voiceBox()->findText(u"onyx"_s));
    page->transcriptionBox()->setCurrentIndex(page->transcriptionBox()->findData(int(voice::Engine::OpenAi)));
    page->speakBox()->setCurrentIndex(page->speakBox()->findData(int(voice::SpeakMode::Always)));
    page->wakeWordsBox()->setChecked(true);
    page->speedBox()->setValue(5.0);
    click(*dialog, QDialogButtonBox::Ok);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->message(), u"The speaking speed must be between 0.25 and 4.0."_s);
    EXPECT_TRUE(settingsui::isMarkedInvalid(page->speedBox()));
    EXPECT_FALSE(settingsBytes().contains("voice"));

    page->speedBox()->setValue(1.75);
    click(*dialog, QDialogButtonBox::Ok);
    ASSERT_FALSE(dialog->isVisible()) << dialog->message().toStdString();
    const voice::VoiceSettings saved = voice::VoiceSettings::load(*settings());
    EXPECT_EQ(saved.transcription, voice::Engine::OpenAi);
    EXPECT_EQ(saved.speech, voice::Engine::OpenAi);
    EXPECT_EQ(saved.speak, voice::SpeakMode::Always);
    EXPECT_EQ(saved.openAiVoice, u"onyx"_s);
    EXPECT_DOUBLE_EQ(saved.speed, 1.75);
    EXPECT_TRUE(saved.wakeWords);
    EXPECT_TRUE(saved.inputDevice.isEmpty()); // the system's default microphone
}

TEST_F(SettingsDialogTest, Screenshot)
{
    clock.setZone(QTimeZone("Europe/Berlin"));
    {
        auto s = settings();
        llm::LlmSettings llm;
        llm.provider = llm::ProviderKind::OpenAi;
        llm.cloudChat = true;
        llm.save(*s);
        allowMcpTool(*s, u"execute_move"_s);
        allowMcpTool(*s, u"create_email_draft"_s);
    }
    ASSERT_TRUE(openWorkspace());
    auto dialog = makeDialog(canaryKeySource());
    AssistantPage* page = dialog->assistantPage();
    ASSERT_TRUE(waitFor([&] { return !page->keyStatus()->isChecking(); }));
    ASSERT_TRUE(waitFor([&] { return dialog->sendingPage()->limitsLoaded(); }));
    QTest::qWait(50);
    const QString folder = screenshotFolder(QStringLiteral(CASEYOS_DOCS_SCREENSHOT_DIR));
    ASSERT_FALSE(folder.isEmpty());
    const QString path = QDir(folder).filePath(u"settings-dialog.png"_s);
    ASSERT_TRUE(dialog->grab().save(path)) << path.toStdString();
    std::cout << "[ screenshot ] " << path.toStdString() << "\n";
    // The other pages, for a look (build/screenshots).
    const QString more = screenshotFolder(QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR));
    for (SettingsPage* other : { static_cast<SettingsPage*>(dialog->voicePage()),
             static_cast<SettingsPage*>(dialog->sendingPage()),
             static_cast<SettingsPage*>(dialog->memoryPage()), static_cast<SettingsPage*>(dialog->mcpPage()),
             static_cast<SettingsPage*>(dialog->notificationsPage()) }) {
        dialog->showPage(other);
        QTest::qWait(20);
        dialog->grab().save(QDir(more).filePath(u"settings-%1.png"_s.arg(other->objectName())));
    }
}

// In the window: File ▸ Settings…, Ctrl+, and the command palette open it; the window's settings are the
// app's QSettings, pointed at a temporary folder here.
TEST(SettingsDialogWindowTest, OpensFromTheMenuTheShortcutAndThePalette)
{
    TempHome config;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
    ASSERT_TRUE(QSettings().fileName().startsWith(config.path())) << QSettings().fileName().toStdString();

    WindowHarness h;
    ASSERT_TRUE(h.start());
    MainWindow* window = h.window();
    QAction* action = window->moveActions()->settings;
    ASSERT_NE(action, nullptr);
    EXPECT_TRUE(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    // No other command of the window has Ctrl+,.
    for (QAction* other : window->findChildren<QAction*>()) {
        if (other != action) {
            EXPECT_FALSE(other->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
                << other->text().toStdString();
        }
    }
    QMenu* file = window->menuBar()->actions().first()->menu();
    ASSERT_NE(file, nullptr);
    EXPECT_TRUE(file->actions().contains(action));

    h.press(Qt::Key_Comma, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return window->settingsDialog() && window->settingsDialog()->isVisible(); }));
    SettingsDialog* dialog = window->settingsDialog();
    // The window's data folder goes into the MCP client configuration.
    EXPECT_TRUE(dialog->mcpPage()->configView()->toPlainText().contains(QDir(h.home.path()).absolutePath()))
        << dialog->mcpPage()->configView()->toPlainText().toStdString();
    // The sending limits come from the open workspace.
    ASSERT_TRUE(waitFor([&] { return dialog->sendingPage()->limitsLoaded(); }))
        << dialog->sendingPage()->limitsStatus()->text().toStdString();
    QPointer<SettingsDialog> first(dialog);
    click(*dialog, QDialogButtonBox::Cancel);
    ASSERT_TRUE(waitFor([&] { return first.isNull(); })); // deleted on close: the next one reads afresh

    h.press(Qt::Key_K, Qt::ControlModifier);
    auto* palette = waitForModal<CommandPalette>();
    ASSERT_NE(palette, nullptr);
    QTest::keyClicks(palette->filterField(), u"settings"_s);
    ASSERT_EQ(palette->visibleCommands().size(), 1) << palette->visibleCommands().join(u'|').toStdString();
    QTest::keyClick(palette->filterField(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return window->settingsDialog() && window->settingsDialog()->isVisible(); }));
    // OK with nothing changed writes the pages' values where the window reads them.
    click(*window->settingsDialog(), QDialogButtonBox::Ok);
    ASSERT_TRUE(waitFor([&] { return !window->settingsDialog(); }));
    EXPECT_EQ(llm::LlmSettings::load(QSettings()).provider, llm::ProviderKind::Offline);
    EXPECT_TRUE(QSettings().contains(llm::LlmSettings::providerKey()));
}
