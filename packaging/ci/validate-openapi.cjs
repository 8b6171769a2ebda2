// Validates an OpenAPI document against the OpenAPI 3.1 schema (and its
// $refs) with @apidevtools/swagger-parser, which packaging/install-tools.sh
// installs into build/tools. Exits non-zero, saying why, when it is invalid.
// Run: node validate-openapi.cjs <build/tools> <document.yaml>
'use strict';
const path = require('path');
const [toolsDir, documentPath] = process.argv.slice(2);
const SwaggerParser = require(path.join(path.resolve(toolsDir), 'node_modules',
                                        '@apidevtools', 'swagger-parser'));
SwaggerParser.validate(documentPath)
  .then((api) => {
    if (!String(api.openapi).startsWith('3.1.')) {
      console.error(`not OpenAPI 3.1: openapi is ${api.openapi}`);
      process.exit(1);
    }
    const paths = Object.keys(api.paths || {}).length;
    console.log(`valid OpenAPI ${api.openapi}: ${api.info.title} ${api.info.version}, ${paths} paths`);
  })
  .catch((error) => {
    console.error(`invalid: ${error.message}`);
    process.exit(1);
  });
