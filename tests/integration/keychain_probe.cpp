// keychain_probe: one SecretStore operation in a process of its own, so tests can run it with a different
// D-Bus session (none, or one with a locked keyring) and read its log output.
//
//   keychain_probe write|read|remove PROVIDER ACCOUNT     (write takes the secret on stdin, never in argv)
//
// Prints one JSON line: {"ok": bool, "kind": "...", "message": "...", "secret": "..." (read only)}.
// Exit 0 when the operation finished (whatever its result), 2 for bad usage, 3 when it did not finish in 20
// s.
#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <cstdio>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

void printResult(const SecretError& error, const QString* secret)
{
    QJsonObject out { { u"ok"_s, !error.isError() }, { u"kind"_s, secretErrorKindName(error.kind) },
        { u"message"_s, error.message } };
    if (secret)
        out.insert(u"secret"_s, *secret);
    const QByteArray line = QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: keychain_probe write|read|remove PROVIDER ACCOUNT\n");
        return 2;
    }
    const QString op = args[1];
    SecretStore store;
    QTimer::singleShot(20000, &app, [] {
        std::fprintf(stderr, "keychain_probe: no answer from the keychain in 20 s\n");
        QCoreApplication::exit(3);
    });
    if (op == u"write"_s) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return 2;
        const QString secret = QString::fromUtf8(in.readAll());
        store.write(args[2], args[3], secret, &app, [](const SecretError& e) {
            printResult(e, nullptr);
            QCoreApplication::exit(0);
        });
    } else if (op == u"read"_s) {
        store.read(args[2], args[3], &app, [](const SecretReadResult& r) {
            printResult(r.error, &r.secret);
            QCoreApplication::exit(0);
        });
    } else if (op == u"remove"_s) {
        store.remove(args[2], args[3], &app, [](const SecretError& e) {
            printResult(e, nullptr);
            QCoreApplication::exit(0);
        });
    } else {
        std::fprintf(stderr, "keychain_probe: unknown operation\n");
        return 2;
    }
    return app.exec();
}
