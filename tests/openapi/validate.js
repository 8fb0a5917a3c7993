#!/usr/bin/env node
// Checks the HealthCode OpenAPI document that a test wrote out:
//  1. swagger-parser validates it against the OpenAPI 3.1 specification (structure and $refs);
//  2. every example (request bodies, responses, parameters) validates against its own schema with ajv 6, the
//     version tests/fhir pins. Schemas are compiled in place inside the document, so their $refs to
//     #/components/schemas/... resolve as they do for any client.
// OpenAPI keywords that are not JSON Schema (example, externalDocs, contentMediaType) are ignored by ajv; int32 / int64
// / double formats are not validated (JSON numbers have no width), date-time and uri are.
//
// Usage: node validate.js <openapi.json>   exit 0 = valid, 1 = at least one problem, 2 = usage or setup problem.
'use strict';

const fs = require('fs');

let SwaggerParser;
let Ajv;
try {
  SwaggerParser = require('@apidevtools/swagger-parser');
  Ajv = require('ajv');
} catch (e) {
  console.error(`Cannot load swagger-parser or ajv (${e.message}). Run: npm ci --prefix tests/openapi`);
  process.exit(2);
}

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('Usage: node validate.js <openapi.json>');
  process.exit(2);
}

const text = fs.readFileSync(file, 'utf8');
const pointer = (parts) => '#/' + parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

// Every example in the document: where it sits, where its schema sits, and its value.
function* examples(doc) {
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || !op.responses) continue;
      const at = ['paths', path, method];
      for (const [mediaType, media] of Object.entries((op.requestBody && op.requestBody.content) || {})) {
        yield* mediaExamples(media, [...at, 'requestBody', 'content', mediaType]);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [mediaType, media] of Object.entries(response.content || {})) {
          yield* mediaExamples(media, [...at, 'responses', status, 'content', mediaType]);
        }
      }
      for (const [i, parameter] of (op.parameters || []).entries()) {
        if ('example' in parameter) {
          yield { where: `${method.toUpperCase()} ${path} parameter ${parameter.name}`, schema: [...at, 'parameters', i, 'schema'], value: parameter.example };
        }
      }
    }
  }
}

function* mediaExamples(media, at) {
  if ('example' in media) yield { where: pointer(at), schema: [...at, 'schema'], value: media.example };
  for (const [name, example] of Object.entries(media.examples || {})) {
    yield { where: `${pointer(at)} example ${name}`, schema: [...at, 'schema'], value: example.value };
  }
}

(async () => {
  const problems = [];
  try {
    // swagger-parser dereferences what it is given: it gets its own copy.
    await SwaggerParser.validate(JSON.parse(text));
  } catch (e) {
    problems.push(`swagger-parser: ${e.message}`);
  }

  const doc = JSON.parse(text);
  const ajv = new Ajv({ allErrors: true, validateSchema: false, unknownFormats: 'ignore', logger: false, extendRefs: 'ignore' });
  ajv.addSchema(doc, 'openapi.json');
  let checked = 0;
  for (const example of examples(doc)) {
    checked++;
    let validate;
    try {
      validate = ajv.compile({ $ref: 'openapi.json' + pointer(example.schema) });
    } catch (e) {
      problems.push(`${example.where}: the schema does not compile (${e.message})`);
      continue;
    }
    if (!validate(example.value)) {
      const errors = validate.errors.map((e) => `${e.dataPath || '(root)'} ${e.message}`).join('; ');
      problems.push(`${example.where}: ${errors}`);
    }
  }

  if (checked === 0) problems.push('the document has no examples');
  for (const problem of problems) console.log(problem);
  console.log(`openapi: ${problems.length === 0 ? 'valid' : 'INVALID'}; ${checked} examples checked against their schemas, ${problems.length} problems`);
  process.exit(problems.length === 0 ? 0 : 1);
})();
