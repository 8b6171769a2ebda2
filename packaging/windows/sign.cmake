# Runs inside CPack (CPACK_PRE_BUILD_SCRIPTS) after the files are staged and
# before the .msi is made: signs every .exe and .dll of ours with signtool
# when ROLECALL_SIGN_PFX (a .pfx file) and ROLECALL_SIGN_PASSWORD are set in
# the environment, as the release workflow does from its secrets. Without
# them the package is left unsigned (pull requests, forks).
if(NOT DEFINED ENV{ROLECALL_SIGN_PFX} OR "$ENV{ROLECALL_SIGN_PFX}" STREQUAL "")
    message(STATUS "sign.cmake: no certificate given; the programs stay unsigned")
    return()
endif()
find_program(SIGNTOOL signtool REQUIRED)
file(GLOB_RECURSE binaries ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.exe
    ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*rolecall*.dll
    ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*keychain*.dll)
execute_process(COMMAND ${SIGNTOOL} sign /f $ENV{ROLECALL_SIGN_PFX} /p $ENV{ROLECALL_SIGN_PASSWORD}
        /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 ${binaries}
    COMMAND_ERROR_IS_FATAL ANY)
