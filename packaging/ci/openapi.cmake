# Validates resources/api/rolecall-admin-api.yaml as OpenAPI 3.1 with
# swagger-parser (packaging/install-tools.sh installs it into build/tools).
# Skips, saying so, when it is not installed.
# Run: cmake -DSOURCE_DIR=<repo> -DNODE=<node> -DTOOLS_DIR=<build/tools> -P openapi.cmake
if(NOT NODE OR NOT EXISTS ${TOOLS_DIR}/node_modules/@apidevtools/swagger-parser/package.json)
    message("SKIPPED: swagger-parser is not installed; run packaging/install-tools.sh")
    return()
endif()
execute_process(COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/validate-openapi.cjs ${TOOLS_DIR}
        ${SOURCE_DIR}/resources/api/rolecall-admin-api.yaml
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output MATCHES "valid OpenAPI 3\\.1")
    message(FATAL_ERROR "openapi:\n${output}")
endif()
message(STATUS "openapi: ${output}")
