# Linux: the freedesktop files (desktop entry, AppStream metainfo, hicolor
# icons), manual pages and the Debian documents, installed under /usr; CPack
# makes a .deb (checked by lintian), an .rpm (checked by rpmlint) and a
# tarball. packaging/linux/check-packages.sh runs the checks.
set(here ${CMAKE_CURRENT_LIST_DIR})
install(TARGETS rolecall rolecallctl rolecall-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The programs find every library in the system's own folders: no RUNPATH
# (qt_standard_project_setup() would give them $ORIGIN/../lib).
set_target_properties(rolecall rolecallctl rolecall-server PROPERTIES INSTALL_RPATH "")
install(FILES ${here}/${ROLECALL_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${here}/${ROLECALL_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
foreach(size IN LISTS ROLECALL_ICON_SIZES)
    install(FILES ${ROLECALL_ICON_DIR}/hicolor/${size}x${size}/apps/${ROLECALL_APP_ID}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/rolecall.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${ROLECALL_APP_ID}.svg)

# Manual pages and the changelog, compressed as Debian wants them: gzip -9n
# (no file name, no time stamp, so the package builds the same twice).
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(compressed)
foreach(page rolecall rolecallctl rolecall-server)
    configure_file(${here}/${page}.1.in ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.1 @ONLY)
    list(APPEND compressed ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.1)
endforeach()
# The changelog twice: CHANGELOG.md as it is, and the Debian-format changelog a
# native package carries (the newest release, pointing at the other), and
# the RPM's %changelog likewise.
configure_file(${PROJECT_SOURCE_DIR}/CHANGELOG.md ${CMAKE_CURRENT_BINARY_DIR}/doc/CHANGELOG.md
    COPYONLY)
execute_process(COMMAND date -u -R -d ${ROLECALL_RELEASE_DATE}
    OUTPUT_VARIABLE debian_date OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND date -u -d ${ROLECALL_RELEASE_DATE} "+%a %b %d %Y"
    OUTPUT_VARIABLE rpm_date OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/doc/changelog
    "rolecall (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
    "  * Release ${PROJECT_VERSION}; see /usr/share/doc/rolecall/CHANGELOG.md.gz.\n\n"
    " -- ${CPACK_PACKAGE_CONTACT}  ${debian_date}\n")
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/doc/rpm-changelog
    "* ${rpm_date} ${CPACK_PACKAGE_CONTACT} - ${PROJECT_VERSION}-1\n"
    "- Release ${PROJECT_VERSION}; see /usr/share/doc/rolecall/CHANGELOG.md.gz\n")
list(APPEND compressed ${CMAKE_CURRENT_BINARY_DIR}/doc/CHANGELOG.md
    ${CMAKE_CURRENT_BINARY_DIR}/doc/changelog)
set(gzipped)
foreach(file IN LISTS compressed)
    add_custom_command(OUTPUT ${file}.gz
        COMMAND ${GZIP_EXECUTABLE} -9nkf ${file}
        DEPENDS ${file}
        VERBATIM)
    list(APPEND gzipped ${file}.gz)
endforeach()
add_custom_target(rolecall_package_docs ALL DEPENDS ${gzipped})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/man/rolecall.1.gz
    ${CMAKE_CURRENT_BINARY_DIR}/man/rolecallctl.1.gz
    ${CMAKE_CURRENT_BINARY_DIR}/man/rolecall-server.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# Named after the package, not the project (GNUInstallDirs would say Rolecall).
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/doc/changelog.gz
    ${CMAKE_CURRENT_BINARY_DIR}/doc/CHANGELOG.md.gz ${here}/copyright
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/rolecall)

set(CPACK_GENERATOR TGZ DEB RPM)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Directories 0755 and files 0644/0755 whatever the umask of the build.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Debian: shared-library dependencies from dpkg-shlibdeps (Qt 6, QtKeychain,
# OpenSSL, libstdc++); what the binaries load at run time without linking is
# named here: the PostgreSQL driver plugin and libsecret (QtKeychain dlopens it).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-psql, libsecret-1-0")
# A Secret Service for the keychain, and xdg-open for rolecallctl login.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc, xdg-utils")

# RPM (Fedora's package names): shared-library dependencies from rpm's own
# scan; the plugin by its package, libsecret by its soname (it is loaded at
# run time, so the scan cannot see it). The directories the filesystem and
# hicolor-icon-theme packages own are not claimed.
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_LICENSE "LicenseRef-not-yet-chosen")
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtbase-postgresql, libsecret-1.so.0()(64bit)")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_SPEC_MORE_DEFINE "%define packager ${CPACK_PACKAGE_CONTACT}")
set(CPACK_RPM_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_RPM_CHANGELOG_FILE ${CMAKE_CURRENT_BINARY_DIR}/doc/rpm-changelog)
set(exclude /usr/share/applications /usr/share/metainfo /usr/share/man /usr/share/man/man1
    /usr/share/doc /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps)
foreach(size IN LISTS ROLECALL_ICON_SIZES)
    list(APPEND exclude /usr/share/icons/hicolor/${size}x${size}
        /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION ${exclude})
