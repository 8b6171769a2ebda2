# Fails when clang-tidy (the checks of the top-level .clang-tidy) finds
# something in the C++ files that changed: those of the last commit and the
# uncommitted ones, tracked or new. The whole tree takes too long for every
# test run on two cores; ROLECALL_TIDY_BASE=<rev> checks what changed since
# <rev> (e.g. origin/main for a branch), ROLECALL_TIDY_BASE=all everything.
# Run: cmake -DSOURCE_DIR=<repo> -DBUILD_DIR=<dir with compile_commands.json>
#            -DRUN_CLANG_TIDY=<run-clang-tidy> -DCLANG_TIDY=<clang-tidy>
#            -DGIT=<git> -P checktidy.cmake
cmake_minimum_required(VERSION 3.25) # the policies of the project (IN_LIST)

set(database ${BUILD_DIR}/compile_commands.json)
if(NOT EXISTS ${database})
    message(FATAL_ERROR "No ${database}: configure with a preset that exports it (dev, ci)")
endif()

function(git_lines out)
    execute_process(COMMAND ${GIT} ${ARGN} WORKING_DIRECTORY ${SOURCE_DIR}
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT result EQUAL 0)
        set(output "")
    endif()
    string(REPLACE "\n" ";" output "${output}")
    set(${out} "${output}" PARENT_SCOPE)
endfunction()

# What changed, as paths relative to the source directory.
set(base "$ENV{ROLECALL_TIDY_BASE}")
if(base STREQUAL "")
    set(base HEAD~1)
endif()
if(NOT base STREQUAL "all")
    execute_process(COMMAND ${GIT} rev-parse --verify -q ${base} WORKING_DIRECTORY ${SOURCE_DIR}
        RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
    if(NOT result EQUAL 0)
        # A clone of depth 1, or no git at all: only what is not committed.
        message(STATUS "${base} is not known here; checking the uncommitted changes only")
        set(base HEAD)
    endif()
    git_lines(changed diff --name-only ${base} --)
    git_lines(untracked ls-files --others --exclude-standard)
    list(APPEND changed ${untracked})
    list(FILTER changed INCLUDE REGEX "^(app|ui|models|tests)/.*\\.(cpp|h)$")
endif()

# The translation units to run clang-tidy on: every one of the compile
# database for `all`; else each changed source, and for a changed header the
# source beside it or else the first source that includes it (its findings
# come out through the .clang-tidy's HeaderFilterRegex).
file(READ ${database} json)
string(REGEX MATCHALL "\"file\": \"[^\"]+\"" entries "${json}")
set(units "")
foreach(entry IN LISTS entries)
    string(REGEX REPLACE "^\"file\": \"(.*)\"$" "\\1" file "${entry}")
    file(RELATIVE_PATH path ${SOURCE_DIR} ${file})
    if(path MATCHES "^(app|ui|models|tests)/.*\\.cpp$")
        list(APPEND units ${path})
    endif()
endforeach()
list(REMOVE_DUPLICATES units)
if(base STREQUAL "all")
    set(selected ${units})
else()
    set(selected "")
    foreach(path IN LISTS changed)
        if(NOT EXISTS ${SOURCE_DIR}/${path})
            continue() # deleted
        endif()
        if(path MATCHES "\\.cpp$")
            if(path IN_LIST units)
                list(APPEND selected ${path})
            endif()
            continue()
        endif()
        string(REGEX REPLACE "\\.h$" ".cpp" beside ${path})
        if(beside IN_LIST units)
            list(APPEND selected ${beside})
            continue()
        endif()
        # Includes carry the folder below app/, ui/, models/ or tests/.
        string(REGEX REPLACE "^(app|ui|models|tests)/" "" included ${path})
        foreach(unit IN LISTS units)
            file(STRINGS ${SOURCE_DIR}/${unit} hits REGEX "#include \"${included}\"")
            if(hits)
                list(APPEND selected ${unit})
                break()
            endif()
        endforeach()
    endforeach()
    list(REMOVE_DUPLICATES selected)
endif()

list(LENGTH selected selectedCount)
if(selectedCount EQUAL 0)
    message(STATUS "${CMAKE_CURRENT_LIST_FILE}: no changed C++ file in the build to check")
    return()
endif()
message(STATUS "clang-tidy on ${selectedCount} files")

# run-clang-tidy takes regular expressions: one that matches exactly these.
set(patterns "")
foreach(path IN LISTS selected)
    string(REGEX REPLACE "([][.+*?()^$|\\\\])" "\\\\\\1" escaped "${SOURCE_DIR}/${path}")
    list(APPEND patterns "${escaped}")
endforeach()
list(JOIN patterns "|" filter)
cmake_host_system_information(RESULT cores QUERY NUMBER_OF_LOGICAL_CORES)
execute_process(
    COMMAND ${RUN_CLANG_TIDY} -clang-tidy-binary ${CLANG_TIDY} -p ${BUILD_DIR} -j ${cores} -quiet
        # The compiler's warnings are the build's business (-Werror there).
        -extra-arg=-Wno-error "^(${filter})$"
    WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
# Findings are warnings (WarningsAsErrors would turn them into errors in
# every editor too): count them in the output, without its colours.
string(ASCII 27 escape)
string(REGEX REPLACE "${escape}\\[[0-9;]*m" "" output "${output}")
string(REGEX MATCHALL "[^\n]*: (warning|error): [^\n]*" findings "${output}")
if(findings)
    list(JOIN findings "\n" text)
    message(FATAL_ERROR "clang-tidy found (the top-level .clang-tidy says which checks run):\n"
        "${text}")
elseif(NOT result EQUAL 0)
    message(FATAL_ERROR "run-clang-tidy failed (${result}):\n${errors}\n${output}")
endif()
message(STATUS "${CMAKE_CURRENT_LIST_FILE}: clang-tidy is content with ${selectedCount} files")
