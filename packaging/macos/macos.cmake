# macOS: Rolecall.app (Info.plist from Info.plist.in, bundle identifier
# ROLECALL_APP_ID, the .icns icon), rolecallctl inside it, the Qt frameworks
# and plugins, QtKeychain, OpenSSL and libpq deployed into it by Qt's deploy
# script (macdeployqt underneath), signed with the hardened runtime by
# sign.cmake, and packed by CPack into a DMG to drag to Applications. The
# .github workflow builds it, then notarizes and staples the DMG; nothing here
# is built on Linux.
set(here ${CMAKE_CURRENT_LIST_DIR})
set(icns ${ROLECALL_ICON_DIR}/${ROLECALL_APP_ID}.icns)
target_sources(rolecall PRIVATE ${icns})
set_source_files_properties(${icns} PROPERTIES GENERATED TRUE MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(rolecall PROPERTIES
    OUTPUT_NAME Rolecall
    MACOSX_BUNDLE_INFO_PLIST ${here}/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER ${ROLECALL_APP_ID}
    MACOSX_BUNDLE_BUNDLE_NAME Rolecall
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE ${ROLECALL_APP_ID}.icns
    MACOSX_BUNDLE_COPYRIGHT "Rolecall developers")

install(TARGETS rolecall BUNDLE DESTINATION .)
# rolecallctl lives in the bundle, beside the console, and shares its frameworks.
install(TARGETS rolecallctl rolecall-server RUNTIME DESTINATION Rolecall.app/Contents/MacOS)
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET rolecall OUTPUT_SCRIPT deploy_script
        NO_TRANSLATIONS
        DEPLOY_TOOL_OPTIONS -executable=Rolecall.app/Contents/MacOS/rolecallctl
            -executable=Rolecall.app/Contents/MacOS/rolecall-server)
else()
    qt_generate_deploy_app_script(TARGET rolecall FILENAME_VARIABLE deploy_script)
endif()
install(SCRIPT ${deploy_script})

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME Rolecall-${PROJECT_VERSION})
set(CPACK_DMG_VOLUME_NAME Rolecall)
set(CPACK_DMG_FORMAT UDZO)
# Signs the staged bundle (hardened runtime, entitlements.plist) when the
# workflow gives an identity; the workflow notarizes the DMG afterwards.
set(CPACK_PRE_BUILD_SCRIPTS ${here}/sign.cmake)
