#pragma once

#include <QtGlobal>

class QAction;
class QString;
class QWidget;

namespace rolecall {

class DataSource;

// What the main window knows of a screen (one tab): it loops over a list of
// these and nothing else. A screen is a QWidget that also implements this
// interface (QObject first among its bases); widget() hands back that widget.
//
//   window source changes ─▶ setDataSource(nullptr) on screens that held the old one
//   screen comes to front ─▶ setDataSource(source), once per source (lazily:
//                            the overview scans whole tables)
//   F5 ─────────────────────▶ refresh() of the screen in front
//   screen comes to front ─▶ its exportAction() in File and the toolbar
class Screen
{
public:
    virtual ~Screen() = default;

    // The tab's page. Its objectName is the screen's name: what showScreen(),
    // the remembered last screen and `rolecall --screen NAME` go by.
    virtual QWidget *widget() = 0;
    // The tab's label, with its accelerator ("&Grants").
    virtual QString title() const = 0;
    // The window's data source (not owned; nullptr: none). A screen that reads
    // elsewhere (Sync compares on its own service) ignores it.
    virtual void setDataSource(DataSource *source) = 0;
    // Loads again what the screen shows.
    virtual void refresh() = 0;
    // Saves what the screen shows (asking where); nullptr: the screen exports nothing.
    virtual QAction *exportAction() const = 0;

protected:
    Screen() = default;
    Q_DISABLE_COPY_MOVE(Screen)
};

} // namespace rolecall
