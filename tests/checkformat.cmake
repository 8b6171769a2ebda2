# Fails when a C++ file of the project differs from what clang-format makes of it.
# Run: cmake -DCLANG_FORMAT=clang-format -DSOURCE_DIR=<repo> -P checkformat.cmake
file(GLOB_RECURSE sources
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
    ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/models/*.h
    ${SOURCE_DIR}/resources/*.cpp ${SOURCE_DIR}/resources/*.h
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
    RESULT_VARIABLE result ERROR_VARIABLE diagnostics)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Files are not formatted; run packaging/format.sh\n${diagnostics}")
endif()
message(STATUS "${CMAKE_CURRENT_LIST_FILE}: all files formatted")
