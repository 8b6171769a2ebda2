// Validates answers rolecall-server gave against the OpenAPI document: each
// sample's method and path are in it, its status is listed for that
// operation (or falls under its `default` response, which is named in the
// output as a status the document should list), and its body validates
// against that response's schema for its content type (JSON Schema 2020-12,
// with ajv from swagger-parser's dependencies in build/tools). Exits non-zero
// listing every mismatch.
// Run: node validate-responses.cjs <build/tools> <document.yaml> <samples.json>
// samples.json: [{method, path (the document's template), status, contentType, body}]
'use strict';
const fs = require('fs');
const path = require('path');
const [toolsDir, documentPath, samplesPath] = process.argv.slice(2);
const modules = path.join(path.resolve(toolsDir), 'node_modules');
const SwaggerParser = require(path.join(modules, '@apidevtools', 'swagger-parser'));
const Ajv2020 = require(path.join(modules, 'ajv', 'dist', '2020')).default;

const samples = JSON.parse(fs.readFileSync(samplesPath, 'utf8'));
SwaggerParser.dereference(documentPath)
  .then((api) => {
    const ajv = new Ajv2020({strict: false, allErrors: true, validateFormats: false});
    const failures = [];
    const underDefault = new Set();
    for (const sample of samples) {
      const where = `${sample.method} ${sample.path} ${sample.status}`;
      const operation = (api.paths[sample.path] || {})[sample.method.toLowerCase()];
      if (!operation) {
        failures.push(`${where}: the operation is not in the document`);
        continue;
      }
      let response = operation.responses[String(sample.status)];
      if (!response && operation.responses.default) {
        underDefault.add(where);
        response = operation.responses.default;
      }
      if (!response) {
        failures.push(`${where}: the status is not listed for this operation`);
        continue;
      }
      const media = (response.content || {})[sample.contentType];
      if (!media || !media.schema) {
        failures.push(`${where}: no schema for ${sample.contentType}`);
        continue;
      }
      const validate = ajv.compile(media.schema);
      if (!validate(sample.body))
        failures.push(`${where}: ${ajv.errorsText(validate.errors)}\n  ${JSON.stringify(sample.body).slice(0, 400)}`);
    }
    if (failures.length) {
      console.error(failures.join('\n'));
      process.exit(1);
    }
    console.log(`${samples.length} responses valid against ${api.info.title} ${api.info.version}`);
    if (underDefault.size)
      console.log(`only under "default" (not listed): ${[...underDefault].join(', ')}`);
  })
  .catch((error) => {
    console.error(`cannot read the document: ${error.message}`);
    process.exit(1);
  });
