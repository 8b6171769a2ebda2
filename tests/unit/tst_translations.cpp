// The translations rolecall loads: German has the main window's strings, and
// the English file gives plural forms for the numerus strings.
#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanHasTheMainWindow();
    void englishHasPluralForms();
};

void TestTranslations::germanHasTheMainWindow()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral("rolecall_de"), QStringLiteral(ROLECALL_QM_DIR)));
    QCoreApplication::installTranslator(&german);
    const char *context = "rolecall::MainWindow";
    QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("&Datei"));
    QCOMPARE(QCoreApplication::translate(context, "&Refresh"), QStringLiteral("A&ktualisieren"));
    QCOMPARE(QCoreApplication::translate("rolecall::GrantsScreen", "Expiring soon"),
             QStringLiteral("Bald ablaufend"));
    QCOMPARE(QCoreApplication::translate("rolecall::GrantsScreen",
                                         "No active grant ends within %n day(s).", nullptr, 2),
             QStringLiteral("Keine aktive Zuweisung endet innerhalb von 2 Tagen."));
    QCoreApplication::removeTranslator(&german);
}

void TestTranslations::englishHasPluralForms()
{
    QTranslator english;
    QVERIFY(english.load(QStringLiteral("rolecall_en"), QStringLiteral(ROLECALL_QM_DIR)));
    QCoreApplication::installTranslator(&english);
    const char *context = "rolecall::GrantsScreen";
    const char *source = "No active grant ends within %n day(s).";
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1),
             QStringLiteral("No active grant ends within 1 day."));
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 3),
             QStringLiteral("No active grant ends within 3 days."));
    QCoreApplication::removeTranslator(&english);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
