// caseyos jarvis config [options]: shows or changes which language model answers in Jarvis (the same jarvis/*
// keys as the window's File ▸ Settings ▸ Assistant page). API keys are never taken here: they go in the OS
// keychain from the Accounts page.
#include "Cli.h"
#include "CliCommon.h"
#include "llm/LlmSettings.h"

#include <QJsonObject>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

std::optional<bool> onOff(const QString& value)
{
    const QString v = value.trimmed().toLower();
    if (v == "on"_L1 || v == "true"_L1 || v == "yes"_L1 || v == "1"_L1)
        return true;
    if (v == "off"_L1 || v == "false"_L1 || v == "no"_L1 || v == "0"_L1)
        return false;
    return std::nullopt;
}

QString shown(bool on)
{
    return on ? u"on"_s : u"off"_s;
}

QJsonObject toJson(const llm::LlmSettings& s)
{
    return { { u"provider"_s, llm::toString(s.provider) }, { u"model"_s, s.effectiveModel() },
        { u"base_url"_s, s.effectiveBaseUrl().toString() },
        { u"embedding_model"_s, s.effectiveEmbeddingModel() }, { u"max_steps"_s, s.maxSteps },
        { u"cloud_chat"_s, s.cloudChat }, { u"cloud_embeddings"_s, s.cloudEmbeddings },
        { u"cloud_summaries"_s, s.cloudSummaries }, { u"cloud_agents"_s, s.cloudAgents },
        { u"key_account"_s, llm::keyProviderFor(s.provider) } };
}

QString toText(const llm::LlmSettings& s)
{
    const QString key = llm::keyProviderFor(s.provider);
    QString out = u"provider          %1\n"_s.arg(llm::toString(s.provider));
    if (s.provider != llm::ProviderKind::Offline) {
        out += u"model             %1\nbase URL          %2\nembedding model   %3\nmax steps         %4\n"_s
                   .arg(s.effectiveModel(), s.effectiveBaseUrl().toString(),
                       s.effectiveEmbeddingModel().isEmpty() ? u"(none)"_s : s.effectiveEmbeddingModel())
                   .arg(s.maxSteps);
        out += u"API key           %1\n"_s.arg(
            key.isEmpty() ? u"not needed"_s : u"from the Accounts page (%1 account)"_s.arg(key));
    }
    out += u"cloud chat        %1\ncloud embeddings  %2\ncloud summaries   %3\ncloud agents      %4\n"_s.arg(
        shown(s.cloudChat), shown(s.cloudEmbeddings), shown(s.cloudSummaries), shown(s.cloudAgents));
    return out;
}

} // namespace

int runJarvis(const QStringList& arguments)
{
    CommandParser command(u"jarvis"_s,
        u"Jarvis's language model. \"jarvis config\" shows the settings; its options change them.\n"
        "Providers: offline (default), openai, xai, openai-compatible (Ollama, LM Studio, … by --base-url),\n"
        "gemini. A cloud provider is used only with --cloud-chat on and a key on the Accounts page; a "
        "server\n"
        "on this machine needs neither. Keys are never given here."_s,
        u"config"_s);
    const QCommandLineOption provider(
        u"provider"_s, u"offline, openai, xai, openai-compatible or gemini."_s, u"NAME"_s);
    const QCommandLineOption model(
        u"model"_s, u"The chat model (empty: the provider's default)."_s, u"MODEL"_s);
    const QCommandLineOption baseUrl(u"base-url"_s, u"The API base URL (empty: the provider's)."_s, u"URL"_s);
    const QCommandLineOption embeddingModel(
        u"embedding-model"_s, u"The embeddings model for memory."_s, u"MODEL"_s);
    const QCommandLineOption maxSteps(
        u"max-steps"_s, u"Model calls per question, 1–12 (default 6)."_s, u"N"_s);
    const QCommandLineOption cloudChat(
        u"cloud-chat"_s, u"May chat use a cloud model: on or off."_s, u"on|off"_s);
    const QCommandLineOption cloudEmbeddings(
        u"cloud-embeddings"_s, u"May memory use cloud embeddings."_s, u"on|off"_s);
    const QCommandLineOption cloudSummaries(
        u"cloud-summaries"_s, u"May summaries use a cloud model."_s, u"on|off"_s);
    const QCommandLineOption cloudAgents(u"cloud-agents"_s, u"May agents use a cloud model."_s, u"on|off"_s);
    const QCommandLineOption json(u"json"_s, u"Print the settings as JSON."_s);
    for (const QCommandLineOption& o : { provider, model, baseUrl, embeddingModel, maxSteps, cloudChat,
             cloudEmbeddings, cloudSummaries, cloudAgents, json })
        command.addOption(o);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (command.positional() != QStringList { u"config"_s }) {
        printErr(
            u"usage: caseyos jarvis config [--provider NAME] [--model MODEL] [--base-url URL] [--cloud-chat on|off] …"_s);
        return ExitUsage;
    }
    QSettings settings;
    llm::LlmSettings s = llm::LlmSettings::load(settings);
    QCommandLineParser& p = command.parser();
    bool changed = false;
    if (p.isSet(provider)) {
        const auto kind = llm::providerKindFromString(p.value(provider));
        if (!kind) {
            printErr(u"unknown provider \"%1\" (offline, openai, xai, openai-compatible, gemini)"_s.arg(
                p.value(provider)));
            return ExitUsage;
        }
        s.provider = *kind;
        changed = true;
    }
    if (p.isSet(model)) {
        s.model = p.value(model).trimmed();
        changed = true;
    }
    if (p.isSet(baseUrl)) {
        const QUrl url(p.value(baseUrl).trimmed());
        if (!p.value(baseUrl).trimmed().isEmpty() && !llm::LlmSettings::isUsableBaseUrl(url)) {
            printErr(u"\"%1\" is not an http(s) URL"_s.arg(p.value(baseUrl)));
            return ExitUsage;
        }
        s.baseUrl = p.value(baseUrl).trimmed().isEmpty() ? QUrl() : url;
        changed = true;
    }
    if (p.isSet(embeddingModel)) {
        s.embeddingModel = p.value(embeddingModel).trimmed();
        changed = true;
    }
    if (p.isSet(maxSteps)) {
        bool ok = false;
        const int n = p.value(maxSteps).toInt(&ok);
        if (!ok || n < llm::LlmSettings::kMinSteps || n > llm::LlmSettings::kMaxSteps) {
            printErr(u"--max-steps must be a whole number from %1 to %2"_s.arg(llm::LlmSettings::kMinSteps)
                         .arg(llm::LlmSettings::kMaxSteps));
            return ExitUsage;
        }
        s.maxSteps = n;
        changed = true;
    }
    const std::pair<const QCommandLineOption*, bool*> switches[]
        = { { &cloudChat, &s.cloudChat }, { &cloudEmbeddings, &s.cloudEmbeddings },
              { &cloudSummaries, &s.cloudSummaries }, { &cloudAgents, &s.cloudAgents } };
    for (const auto& [option, field] : switches) {
        if (!p.isSet(*option))
            continue;
        const auto value = onOff(p.value(*option));
        if (!value) {
            printErr(u"--%1 takes on or off"_s.arg(option->names().first()));
            return ExitUsage;
        }
        *field = *value;
        changed = true;
    }
    if (changed) {
        s.save(settings);
        settings.sync();
        if (settings.status() != QSettings::NoError) {
            printErr(u"could not save the settings to %1"_s.arg(settings.fileName()));
            return ExitFailure;
        }
    }
    if (p.isSet(json))
        printJson(toJson(s));
    else
        printOut(toText(s));
    return ExitOk;
}

} // namespace caseyos::cli
