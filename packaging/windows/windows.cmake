# Windows: rolecall.exe and rolecallctl.exe with the Qt libraries and plugins
# (Qt's deploy script, windeployqt underneath), QtKeychain, OpenSSL 3 and
# libpq beside them, packed by CPack WiX into an .msi. The .github workflow
# builds it; nothing here is built on Linux.
#
# The .msi installs per user by default (no administrator needed, into
# %LOCALAPPDATA%\Programs\Rolecall) and per machine when asked:
#   msiexec /i rolecall-<version>-win64.msi ALLUSERS=1
# The upgrade code never changes, so a newer .msi replaces an older one.
set(here ${CMAKE_CURRENT_LIST_DIR})

configure_file(${here}/rolecall.rc.in ${CMAKE_CURRENT_BINARY_DIR}/rolecall.rc @ONLY)
target_sources(rolecall PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/rolecall.rc)
set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/rolecall.rc PROPERTIES
    OBJECT_DEPENDS ${ROLECALL_ICON_DIR}/${ROLECALL_APP_ID}.ico)
add_dependencies(rolecall rolecall_icon_files)

install(TARGETS rolecall rolecallctl rolecall-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET rolecall OUTPUT_SCRIPT deploy_script
        NO_TRANSLATIONS)
else()
    qt_generate_deploy_app_script(TARGET rolecall FILENAME_VARIABLE deploy_script)
endif()
install(SCRIPT ${deploy_script})
install(IMPORTED_RUNTIME_ARTIFACTS Qt6Keychain::Qt6Keychain
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# OpenSSL 3: libcrypto for the ID-token checks, libssl for Qt's TLS backend
# (which loads it at run time, so no deploy tool finds it).
get_filename_component(openssl_root "${OPENSSL_INCLUDE_DIR}/.." ABSOLUTE)
foreach(library crypto ssl)
    string(TOUPPER ${library} name)
    find_file(ROLECALL_LIB${name}_DLL NAMES lib${library}-3-x64.dll lib${library}-3.dll
        HINTS ${openssl_root}/bin ${openssl_root} NO_DEFAULT_PATH)
    if(NOT ROLECALL_LIB${name}_DLL)
        message(FATAL_ERROR "lib${library}-3 DLL not found under ${openssl_root}; "
            "set ROLECALL_LIB${name}_DLL")
    endif()
    install(FILES ${ROLECALL_LIB${name}_DLL} DESTINATION ${CMAKE_INSTALL_BINDIR})
endforeach()
# libpq and what it links, for Qt's PostgreSQL driver (qsqlpsql.dll).
set(ROLECALL_LIBPQ_DIR "" CACHE PATH "Folder of libpq.dll and the DLLs it needs")
if(ROLECALL_LIBPQ_DIR)
    file(GLOB libpq_dlls ${ROLECALL_LIBPQ_DIR}/libpq.dll ${ROLECALL_LIBPQ_DIR}/libintl*.dll
        ${ROLECALL_LIBPQ_DIR}/libiconv*.dll ${ROLECALL_LIBPQ_DIR}/libwinpthread*.dll)
    install(FILES ${libpq_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR})
else()
    message(WARNING "ROLECALL_LIBPQ_DIR is not set: the package will not open databases")
endif()

set(CPACK_GENERATOR WIX)
set(CPACK_PACKAGE_FILE_NAME rolecall-${PROJECT_VERSION}-win64)
set(CPACK_WIX_UPGRADE_GUID fa789768-00f0-4223-aeb4-b815daf038e8)
set(CPACK_WIX_PRODUCT_ICON ${ROLECALL_ICON_DIR}/${ROLECALL_APP_ID}.ico)
set(CPACK_WIX_PROGRAM_MENU_FOLDER Rolecall)
set(CPACK_WIX_LICENSE_RTF ${here}/licence.rtf)
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_WIX_PROPERTY_ARPCONTACT "${CPACK_PACKAGE_CONTACT}")
# Per user or per machine: a dual-purpose package (ALLUSERS=2 with
# MSIINSTALLPERUSER=1 installs per user unless ALLUSERS=1 is given).
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
    set(CPACK_WIX_INSTALL_SCOPE NONE)
endif()
set(CPACK_WIX_PROPERTY_ALLUSERS 2)
set(CPACK_WIX_PROPERTY_MSIINSTALLPERUSER 1)
# Code signing of the programs before they are packed, when the workflow
# gives a certificate (sign.cmake does nothing otherwise).
set(CPACK_PRE_BUILD_SCRIPTS ${here}/sign.cmake)
