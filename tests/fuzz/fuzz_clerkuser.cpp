// libFuzzer target: what the Clerk Backend API sends (a users page, a count,
// an error body). A hostile or broken answer must be refused with a message,
// never crash, hang or be half-read.
#include "clerk/clerkuser.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace rolecall;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    QList<ClerkUser> users;
    QString error;
    const bool ok = parseClerkUserList(bytes, &users, &error);
    if (ok != error.isEmpty())
        std::abort(); // a refusal always says why, a success never complains
    for (const ClerkUser &user : std::as_const(users)) {
        if (user.id.isEmpty())
            std::abort(); // every user parsed has an ID
        (void)user.displayName();
    }

    // A single user object, as the parser sees each element.
    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    ClerkUser one;
    QString oneError;
    if (!parseClerkUser(object, &one, &oneError) && oneError.isEmpty())
        std::abort();

    const qint64 total = parseClerkTotalCount(bytes);
    if (total < -1)
        std::abort();
    (void)clerkErrorText(bytes);
    return 0;
}
