// rolecall-fake-clerk: the tests' fake Clerk Backend API as a program, for
// demos and trying `rolecallctl sync status` by hand. Serves N generated
// users (the seed users 1..N of tests/support/testdata.h), or the users of a
// JSON file (the demo's), until stopped.
#include "support/fakeclerkapi.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

// A JSON array of {"id", "email", "firstName", "lastName", "createdAtMs"}
// (names may be null); false with *error set when it is not one.
bool readUsersFile(const QString &path, QList<rolecall::testing::FakeClerkUser> *users,
                   QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isArray()) {
        *error = QStringLiteral("%1 is not a JSON array of users (%2)")
                     .arg(path, parseError.errorString());
        return false;
    }
    const auto name = [](const QJsonValue &value) -> std::optional<QString> {
        if (value.isString())
            return value.toString();
        return std::nullopt;
    };
    const QJsonArray entries = document.array();
    for (const QJsonValue &value : entries) {
        const QJsonObject object = value.toObject();
        rolecall::testing::FakeClerkUser user;
        user.id = object.value(QLatin1String("id")).toString();
        user.emails << object.value(QLatin1String("email")).toString();
        user.firstName = name(object.value(QLatin1String("firstName")));
        user.lastName = name(object.value(QLatin1String("lastName")));
        user.createdAtMs = qint64(object.value(QLatin1String("createdAtMs")).toDouble());
        user.updatedAtMs = user.createdAtMs;
        if (!user.id.startsWith(QLatin1String("user_")) || user.emails.first().isEmpty()) {
            *error = QStringLiteral("%1: every user needs an id (user_...) and an email").arg(path);
            return false;
        }
        users->append(user);
    }
    return true;
}

} // namespace

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
        {QStringLiteral("users-file"),
         QStringLiteral("Serve these users instead: a JSON array of {id, email, firstName, "
                        "lastName, createdAtMs}."),
         QStringLiteral("FILE")},
        {QStringLiteral("rate"), QStringLiteral("Requests allowed per 10 s (default 100)."),
         QStringLiteral("N"), QStringLiteral("100")},
    });
    parser.process(app);
    rolecall::testing::FakeClerkApi api;
    api.behaviour().rateLimit = parser.value(QStringLiteral("rate")).toInt();
    if (parser.isSet(QStringLiteral("users-file"))) {
        QList<rolecall::testing::FakeClerkUser> users;
        QString error;
        if (!readUsersFile(parser.value(QStringLiteral("users-file")), &users, &error)) {
            QTextStream(stderr) << "rolecall-fake-clerk: " << error << '\n';
            return 2;
        }
        api.setUsers(std::move(users));
    } else {
        api.setUsers(rolecall::testing::FakeClerkApi::seedUsers(
            1, parser.value(QStringLiteral("users")).toInt()));
    }
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
    return QCoreApplication::exec();
}
