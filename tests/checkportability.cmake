# Fails when code in models/, ui/ or app/ assumes one operating system outside
# a platform file. Platform files say so in their name (foo_unix.cpp,
# foo_win.cpp, foo_mac.cpp or .mm, foo_linux.cpp, foo_posix.cpp) and CMake picks
# them per platform; everything else goes through Qt (QStandardPaths, QProcess
# without a shell, QSysInfo at run time).
# Run: cmake -DSOURCE_DIR=<repo> -P checkportability.cmake
#
# The usual suspects, each with the reason it is one:
set(suspects
    # POSIX or Windows headers
    "#[ \t]*include[ \t]*<(unistd|pwd|grp|dlfcn|termios|fcntl|spawn|syslog|signal|poll|libgen)\\.h>"
    "#[ \t]*include[ \t]*<(sys|linux|arpa|netinet)/"
    "#[ \t]*include[ \t]*<(windows|qt_windows|shellapi|wincred|winsock2|io|direct)\\.h>"
    # a platform branch: belongs in a platform file
    "#[ \t]*(if|ifdef|ifndef|elif).*Q_OS_"
    # POSIX-only calls (a member call such as process.kill() is not one)
    "(^|[^A-Za-z0-9_.>:])(fork|vfork|execl|execlp|execle|execv|execvp|execve|popen|pclose|system|isatty|getuid|geteuid|getpwuid|getpwnam|setenv|unsetenv|kill|dlopen|mkstemp|readlink|symlink|chown|umask|pipe|dup2)[ \t]*\\("
    # a shell or a platform's opener started by name
    "\"(/bin/)?(sh|bash|zsh|cmd|cmd\\.exe|powershell|pwsh|xdg-open)\""
    # paths of one system written out
    "\"(/tmp|/usr|/etc|/home|/var|/proc|/dev|/opt)/"
    "\"~/"
    "\"[A-Za-z]:(/|\\\\\\\\)[A-Za-z]"
    # home and config folders from the environment instead of QStandardPaths
    "(getenv|qgetenv|qEnvironmentVariable|qEnvironmentVariableIsSet)[ \t]*\\([ \t]*\"(HOME|USER|XDG_[A-Z_]+|APPDATA|LOCALAPPDATA|USERPROFILE|TMPDIR|TEMP)\""
)
set(platform_file "_(unix|linux|posix|win|mac)\\.(cpp|h|mm)$")

file(GLOB_RECURSE sources
    ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/models/*.h
    ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/app/*.mm)
set(found "")
set(checked 0)
foreach(source IN LISTS sources)
    if(source MATCHES "${platform_file}")
        continue()
    endif()
    math(EXPR checked "${checked} + 1")
    file(READ ${source} content)
    set(hit FALSE)
    foreach(suspect IN LISTS suspects)
        if(content MATCHES "${suspect}")
            set(hit TRUE)
        endif()
    endforeach()
    if(NOT hit)
        continue()
    endif()
    # Line by line for the report; ; and [ ] would split or join a CMake list.
    string(REPLACE ";" "<semicolon>" content "${content}")
    string(REPLACE "[" "<open>" content "${content}")
    string(REPLACE "]" "<close>" content "${content}")
    string(REPLACE "\n" ";" lines "${content}")
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        if(line MATCHES "^[ \t]*(//|\\*|/\\*)")
            continue() # a comment may name what it avoids
        endif()
        foreach(suspect IN LISTS suspects)
            if(line MATCHES "${suspect}")
                file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
                string(STRIP "${line}" shown)
                string(REPLACE "<semicolon>" ";" shown "${shown}")
                string(REPLACE "<open>" "[" shown "${shown}")
                string(REPLACE "<close>" "]" shown "${shown}")
                string(APPEND found "  ${relative}:${number}: ${shown}\n")
                break()
            endif()
        endforeach()
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "Code that assumes one operating system outside a platform file "
        "(move it to a *_unix.cpp / *_win.cpp / *_mac.cpp file picked by CMake, or use Qt):\n"
        "${found}")
endif()
message(STATUS "${CMAKE_CURRENT_LIST_FILE}: ${checked} files in models/, ui/, app/ hold no "
    "platform-only code")
