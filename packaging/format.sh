#!/usr/bin/env bash
# Formats the project's C++ sources with its .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -z --cached --others --exclude-standard -- 'app/*.cpp' 'app/*.h' 'ui/*.cpp' 'ui/*.h' 'models/*.cpp' 'models/*.h' \
    'resources/*.cpp' 'resources/*.h' 'tests/*.cpp' 'tests/*.h' | xargs -0 -r clang-format -i
