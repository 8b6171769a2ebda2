// rolecall-fake-clerk: the tests' fake Clerk Backend API as a program, for
// demos and trying `rolecallctl sync status` by hand. Serves N generated
// users (the seed users 1..N of tests/support/testdata.h) until stopped.
#include "fakeclerkapi.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A fake Clerk Backend API on 127.0.0.1 (GET /v1/users, /v1/users/count)."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("Port (default: any free one)."),
         QStringLiteral("PORT"), QStringLiteral("0")},
        {QStringLiteral("users"), QStringLiteral("How many seed users (default 600)."),
         QStringLiteral("N"), QStringLiteral("600")},
        {QStringLiteral("rate"), QStringLiteral("Requests allowed per 10 s (default 100)."),
         QStringLiteral("N"), QStringLiteral("100")},
    });
    parser.process(app);
    rolecall::testing::FakeClerkApi api;
    api.behaviour().rateLimit = parser.value(QStringLiteral("rate")).toInt();
    api.setUsers(rolecall::testing::FakeClerkApi::seedUsers(
        1, parser.value(QStringLiteral("users")).toInt()));
    // A development key of this fake only: it guards nothing real.
    const QByteArray key = qgetenv("ROLECALL_CLERK_SECRET_KEY");
    if (!key.isEmpty())
        api.setSecretKey(key);
    QTextStream out(stdout);
    if (!api.start(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "rolecall-fake-clerk: cannot listen\n";
        return 1;
    }
    out << api.baseUrl() << Qt::endl; // the first line: the Clerk API URL to use
    return app.exec();
}
