# Helpers every CMakeLists.txt of the project uses, so no directory-wide flag
# and no repeated block is needed.

# rolecall_apply_common_settings(<target>)
# Strict Qt defines, warnings and sanitizers for every target of the project.
function(rolecall_apply_common_settings target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_FOREACH
        QT_NO_KEYWORDS
        QT_USE_QSTRINGBUILDER
        QT_STRICT_ITERATORS
        QT_DISABLE_DEPRECATED_BEFORE=0x060400)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(ROLECALL_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
            -Wcast-align -Woverloaded-virtual -Wformat=2 -Werror=switch)
        if(ROLECALL_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
        if(ROLECALL_SANITIZE)
            target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
            target_link_options(${target} PRIVATE -fsanitize=address,undefined)
        endif()
    endif()
endfunction()

# rolecall_add_test(<name> LABELS <unit|integration|gui>... SOURCES <files...>
#                   [LIBRARIES <targets...>] [TIMEOUT <s>]
#                   [NEEDS_POSTGRES] [NEEDS_KEYRING] [NEEDS_CTL] [NEEDS_BROWSER])
# One Qt Test executable registered with CTest. The first label says what kind
# of test it is; more labels may follow. What a test needs is declared, not
# arranged by hand:
#   NEEDS_POSTGRES  starts its own PostgreSQL cluster (label `postgres`)
#   NEEDS_KEYRING   talks to the Secret Service; one at a time (label `keyring`)
#   NEEDS_CTL       runs rolecallctl (ROLECALLCTL_PATH)
#   NEEDS_BROWSER   runs the headless test browser (TEST_BROWSER_PATH)
# A `unit` test may need none of the first two, so `ctest -L unit` runs on a
# machine with no PostgreSQL server and no keyring. GUI tests run offscreen.
function(rolecall_add_test name)
    cmake_parse_arguments(PARSE_ARGV 1 arg
        "NEEDS_POSTGRES;NEEDS_KEYRING;NEEDS_CTL;NEEDS_BROWSER" "TIMEOUT" "LABELS;SOURCES;LIBRARIES")
    list(GET arg_LABELS 0 kind)
    if(NOT kind MATCHES "^(unit|integration|gui)$")
        message(FATAL_ERROR "rolecall_add_test(${name}): the first label must be unit, integration or gui")
    endif()
    if(kind STREQUAL "unit" AND (arg_NEEDS_POSTGRES OR arg_NEEDS_KEYRING))
        message(FATAL_ERROR "rolecall_add_test(${name}): a unit test needs no PostgreSQL and no keyring")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()

    qt_add_executable(${name} ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${arg_LIBRARIES})
    rolecall_apply_common_settings(${name})
    add_test(NAME ${name} COMMAND ${name})

    set(labels ${arg_LABELS})
    set(env "QT_ASSUME_STDERR_HAS_CONSOLE=1")
    if(kind STREQUAL "gui")
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    if(arg_NEEDS_POSTGRES)
        list(APPEND labels postgres)
    endif()
    if(arg_NEEDS_KEYRING)
        # The keyring is one per session bus: keep its users serial.
        list(APPEND labels keyring)
        set_tests_properties(${name} PROPERTIES RESOURCE_LOCK keyring)
    endif()
    if(arg_NEEDS_CTL)
        target_compile_definitions(${name} PRIVATE ROLECALLCTL_PATH="$<TARGET_FILE:rolecallctl>")
        add_dependencies(${name} rolecallctl)
    endif()
    if(arg_NEEDS_BROWSER)
        target_compile_definitions(${name} PRIVATE
            TEST_BROWSER_PATH="$<TARGET_FILE:rolecall-test-browser>")
        add_dependencies(${name} rolecall-test-browser)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${labels}" TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "${env}")
endfunction()

# rolecall_add_check(<name> SCRIPT <file.cmake> [TIMEOUT <s>] [<VARIABLE=value>...])
# A `unit` test that runs a CMake script over the sources (format, layering,
# tidy): `cmake -DSOURCE_DIR=<project> -D<VARIABLE=value>... -P <file>`,
# with the script relative to the calling folder.
function(rolecall_add_check name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "SCRIPT;TIMEOUT" "")
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()
    list(TRANSFORM arg_UNPARSED_ARGUMENTS PREPEND "-D")
    add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
        ${arg_UNPARSED_ARGUMENTS} -P ${CMAKE_CURRENT_SOURCE_DIR}/${arg_SCRIPT})
    set_tests_properties(${name} PROPERTIES LABELS unit TIMEOUT ${arg_TIMEOUT})
endfunction()

# rolecall_add_tool(<name> SOURCES <files...> LIBRARIES <targets...>)
# A program for people, not CTest: demos, previews, fakes, benches.
function(rolecall_add_tool name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;LIBRARIES")
    qt_add_executable(${name} ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE ${arg_LIBRARIES})
    rolecall_apply_common_settings(${name})
endfunction()
