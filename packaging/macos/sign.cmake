# Runs inside CPack (CPACK_PRE_BUILD_SCRIPTS) after Rolecall.app is staged and
# deployed, before the DMG is made: signs it from the inside out with the
# hardened runtime, as notarization requires, when ROLECALL_CODESIGN_IDENTITY
# names a Developer ID Application identity in the keychain (the release
# workflow imports it from its secrets). Without it the bundle stays ad-hoc
# signed by the linker (pull requests, forks).
if(NOT DEFINED ENV{ROLECALL_CODESIGN_IDENTITY} OR "$ENV{ROLECALL_CODESIGN_IDENTITY}" STREQUAL "")
    message(STATUS "sign.cmake: no signing identity given; the bundle stays unsigned")
    return()
endif()
set(identity "$ENV{ROLECALL_CODESIGN_IDENTITY}")
file(GLOB_RECURSE bundles LIST_DIRECTORIES true ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app)
list(FILTER bundles INCLUDE REGEX "Rolecall\\.app$")
list(GET bundles 0 app)
set(codesign codesign --force --timestamp --options runtime --sign ${identity})
# Libraries, plugins and frameworks first, then the helper, then the bundle.
file(GLOB_RECURSE inner ${app}/Contents/Frameworks/*.dylib ${app}/Contents/PlugIns/*.dylib)
file(GLOB frameworks LIST_DIRECTORIES true ${app}/Contents/Frameworks/*.framework)
foreach(item IN LISTS inner frameworks)
    execute_process(COMMAND ${codesign} ${item} COMMAND_ERROR_IS_FATAL ANY)
endforeach()
execute_process(COMMAND ${codesign} ${app}/Contents/MacOS/rolecallctl COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${codesign} --entitlements ${CMAKE_CURRENT_LIST_DIR}/entitlements.plist
    ${app} COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND codesign --verify --strict --verbose=2 ${app} COMMAND_ERROR_IS_FATAL ANY)
