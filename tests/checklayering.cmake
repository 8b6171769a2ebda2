# Fails when an include points against the layers (README, Architecture):
# pg/ and api/ are known only to themselves, the composition (app/,
# app/console/, app/cli/, app/server/) and the tests; api/ knows no SQL;
# models/ knows no widget; models/, the CLI and sign-in know no screen,
# dialog or window.
# Run: cmake -DSOURCE_DIR=<repo> -DQT_WIDGETS_INCLUDE_DIR=<dir>
#            -DQT_GUI_INCLUDE_DIR=<dir> -P checklayering.cmake

cmake_minimum_required(VERSION 3.25) # the policies of the project (IN_LIST)

# rule(<message> <include regex> <folders...>): no file below the folders may
# include what the regex matches (the regex sees what is between the quotes or
# angle brackets).
set(violations "")
function(rule message pattern)
    foreach(folder IN LISTS ARGN)
        file(GLOB_RECURSE files ${SOURCE_DIR}/${folder}/*.h ${SOURCE_DIR}/${folder}/*.cpp)
        foreach(file IN LISTS files)
            file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include")
            foreach(line IN LISTS lines)
                if(NOT line MATCHES "include[ \t]*[<\"]([^>\"]+)[>\"]")
                    continue()
                endif()
                set(included "${CMAKE_MATCH_1}")
                if(included MATCHES "${pattern}")
                    file(RELATIVE_PATH path ${SOURCE_DIR} ${file})
                    list(APPEND violations "${path}: includes ${included} (${message})")
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

rule("PostgreSQL is for the composition only" "^pg/"
    ui models/services models/domain models/async models/itemmodels models/sync models/clerk app/auth)
rule("the API client is for the composition only" "^api/"
    ui models/services models/domain models/async models/itemmodels models/sync models/clerk
    models/pg app/auth)
rule("the API client knows no SQL" "^pg/|^QtSql|^QSql" models/api)
rule("a ui/ header below ui/" "^(screens|dialogs|widgets)/|^mainwindow\\.h$"
    models app/cli app/auth)

# QtWidgets by module name or by any class header only QtWidgets has (QtGui
# keeps some that QtWidgets forwards, such as QAction).
file(GLOB widget_headers RELATIVE ${QT_WIDGETS_INCLUDE_DIR} ${QT_WIDGETS_INCLUDE_DIR}/Q*)
file(GLOB gui_headers RELATIVE ${QT_GUI_INCLUDE_DIR} ${QT_GUI_INCLUDE_DIR}/Q*)
list(REMOVE_ITEM widget_headers ${gui_headers})
list(LENGTH widget_headers count)
if(count LESS 100)
    message(FATAL_ERROR "QtWidgets headers not found in '${QT_WIDGETS_INCLUDE_DIR}'")
endif()
list(JOIN widget_headers "|" names)
rule("models/ knows no widget" "^QtWidgets|^(${names})$" models)

if(violations)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "Includes against the layers:\n  ${text}")
endif()
message(STATUS "${CMAKE_CURRENT_LIST_FILE}: every include points the right way")
