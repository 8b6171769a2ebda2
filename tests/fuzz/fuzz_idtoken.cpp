// libFuzzer target: JWKS documents and ID tokens, both of which come from the
// network. The input is tried as a key set, as a token against a fixed key
// set, and (when it looks like "header.payload") as a token correctly signed
// with that set's key, so the claim checks behind the signature get fuzzed too.
#include "auth/idtokenverifier.h"
#include "auth/jwks.h"
#include "support/rsakeypair.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

using rolecall::auth::IdTokenExpectations;
using rolecall::auth::Jwks;
using rolecall::testing::RsaKeyPair;

struct Fixture
{
    RsaKeyPair key{QStringLiteral("k1")};
    Jwks jwks;
    IdTokenExpectations expected;
};

// Made once per process from a key generated at run time: no key material
// is committed, and the fuzzer does not pay for key generation per input.
const Fixture &fixture()
{
    static const Fixture *const instance = [] {
        auto *f = new Fixture;
        if (!f->key.isValid())
            std::abort();
        const QJsonObject set{{QStringLiteral("keys"), QJsonArray{f->key.publicJwk()}}};
        QString error;
        auto parsed = Jwks::parse(QJsonDocument(set).toJson(QJsonDocument::Compact), &error);
        if (!parsed)
            std::abort();
        f->jwks = *parsed;
        f->expected.issuer = QStringLiteral("https://clerk.example.test");
        f->expected.clientId = QStringLiteral("client_abc123");
        f->expected.nonce = QStringLiteral("n-0S6_WzA2Mj");
        f->expected.now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        return f;
    }();
    return *instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Fixture &f = fixture();

    QString error;
    if (const auto keys = Jwks::parse(bytes, &error)) {
        if (keys->size() == 0) // parse promises at least one usable key
            std::abort();
    }

    (void)rolecall::auth::verifyIdToken(bytes, f.jwks, f.expected);

    // Signing costs about a millisecond; only for inputs shaped like a token.
    if (bytes.count('.') == 1 && bytes.size() <= 4096) {
        const QByteArray token = bytes + '.' + rolecall::testing::base64Url(f.key.signRs256(bytes));
        (void)rolecall::auth::verifyIdToken(token, f.jwks, f.expected);
    }
    return 0;
}
