# Fails when the version and its date disagree between project(VERSION), the
# newest release of CHANGELOG.md and the newest <release> of the AppStream
# metainfo: one version, said the same everywhere.
# Run: cmake -DSOURCE_DIR=<repo> -DVERSION=<project version> -DAPP_ID=<id> -P checkreleasemetadata.cmake
file(STRINGS ${SOURCE_DIR}/CHANGELOG.md releases REGEX "^## \\[[0-9]")
list(GET releases 0 newest)
string(REGEX MATCH "^## \\[([^]]+)\\] - ([0-9]+-[0-9]+-[0-9]+)$" matched "${newest}")
if(NOT matched)
    message(FATAL_ERROR "CHANGELOG.md: the newest release line \"${newest}\" is not "
        "\"## [X.Y.Z] - YYYY-MM-DD\"")
endif()
set(changelog_version ${CMAKE_MATCH_1})
set(changelog_date ${CMAKE_MATCH_2})
if(NOT changelog_version STREQUAL VERSION)
    message(FATAL_ERROR "CHANGELOG.md's newest release is ${changelog_version}, "
        "project(VERSION) is ${VERSION}")
endif()
file(READ ${SOURCE_DIR}/packaging/linux/${APP_ID}.metainfo.xml metainfo)
string(REGEX MATCH "<release version=\"([^\"]+)\" date=\"([^\"]+)\"" matched "${metainfo}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION OR NOT CMAKE_MATCH_2 STREQUAL changelog_date)
    message(FATAL_ERROR "The metainfo's newest release is ${CMAKE_MATCH_1} of ${CMAKE_MATCH_2}; "
        "CHANGELOG.md says ${VERSION} of ${changelog_date}")
endif()
message(STATUS "Version ${VERSION} of ${changelog_date} in CMake, CHANGELOG.md and the metainfo")
