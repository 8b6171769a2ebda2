#include "dialogs/aboutdialog.h"

#include "buildinfo/buildinfo.h"
#include "services/profilestore.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSysInfo>
#include <QVBoxLayout>

namespace rolecall {

namespace {

// Where QtKeychain keeps the entries on the system the program runs on.
QString keychainBackend()
{
    const QString kernel = QSysInfo::kernelType();
    if (kernel == QLatin1String("winnt"))
        return AboutDialog::tr("Windows Credential Manager");
    if (kernel == QLatin1String("darwin"))
        return AboutDialog::tr("the macOS login keychain");
    return AboutDialog::tr("the Secret Service (GNOME Keyring or KWallet)");
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Rolecall"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    auto *title = new QLabel(
        QStringLiteral("<h2>Rolecall %1</h2>").arg(buildinfo::version().toHtmlEscaped()), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    auto *summary =
        new QLabel(tr("Admin console for Clerk users and their role grants in PostgreSQL."), this);
    summary->setWordWrap(true);
    auto *heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(summary);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(heading, 1);

    m_rows = new QFormLayout;
    addRow(tr("Version"), buildinfo::version());
    addRow(tr("Build"),
           tr("commit %1, %2 build, %3")
               .arg(buildinfo::commit(), buildinfo::buildType(), buildinfo::compiler()));
    addRow(tr("Qt"), buildinfo::qtRuntimeVersion() == buildinfo::qtBuildVersion()
                         ? buildinfo::qtRuntimeVersion()
                         : tr("%1 (built against %2)")
                               .arg(buildinfo::qtRuntimeVersion(), buildinfo::qtBuildVersion()));
    addRow(tr("OpenSSL"), buildinfo::openSslVersion());
    addRow(tr("QtKeychain"), buildinfo::keychainVersion());
    addRow(tr("Licence"), tr("Not yet chosen"));
    addRow(tr("Profiles"), openAppSettings()->fileName());
    addRow(tr("Window layout"), QSettings().fileName());
    addRow(tr("Keychain"), tr("service \"rolecall\" in %1: one session and one Clerk secret key "
                              "per profile")
                               .arg(keychainBackend()));
    addRow(tr("Messages"), tr("standard error only; no log file is written"));
    auto *leftBehind =
        new QLabel(tr("Uninstalling leaves these settings and keychain entries in place. "
                      "<code>rolecallctl profiles remove --all --yes</code> deletes them."),
                   this);
    leftBehind->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Details"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyDetails"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(detailsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Wide enough for a settings path on one line.
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(m_rows);
    layout->addWidget(leftBehind);
    layout->addWidget(buttons);
}

AboutDialog::~AboutDialog() = default;

AboutDialog *AboutDialog::showFor(QWidget *parent)
{
    auto *dialog = new AboutDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QString AboutDialog::detailsText() const
{
    QString text = QStringLiteral("Rolecall ") + buildinfo::version() + QLatin1Char('\n');
    for (const auto &[label, value] : m_details)
        text += label + QStringLiteral(": ") + value + QLatin1Char('\n');
    return text;
}

void AboutDialog::addRow(const QString &label, const QString &value)
{
    auto *field = new QLabel(value.toHtmlEscaped(), this);
    field->setTextFormat(Qt::RichText);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    m_rows->addRow(label + QLatin1Char(':'), field);
    m_details.append({label, value});
}

} // namespace rolecall
