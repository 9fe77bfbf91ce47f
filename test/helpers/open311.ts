import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

/** The conformance schemas are read where the project keeps them (never copied into the repo). */
const SCHEMA_DIR = path.resolve('../shared/conformance/open311-schemas');
const schemaDir = () => (fs.existsSync(SCHEMA_DIR) ? SCHEMA_DIR : '/work/shared/conformance/open311-schemas');

let ajv: Ajv | undefined;

/** ajv 8 + ajv-formats over every schema file, each with `$id` = its file name (as the conformance README asks). */
export function open311Validator(schemaFile: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    const plugin = addFormats as unknown as ((a: Ajv) => void) & { default?: (a: Ajv) => void };
    (plugin.default ?? plugin)(ajv);
    for (const file of fs.readdirSync(schemaDir()).filter((f) => f.endsWith('.json') && f !== 'swagger.json')) {
      const schema = JSON.parse(fs.readFileSync(path.join(schemaDir(), file), 'utf8')) as Record<string, unknown>;
      ajv.addSchema({ ...schema, $id: file });
    }
  }
  const validate = ajv.getSchema(schemaFile);
  if (!validate) throw new Error(`no schema ${schemaFile}`);
  return validate;
}

/** Asserts the JSON answer against the schema and returns it; the errors say what broke. */
export function validOpen311<T>(schemaFile: string, body: string): T {
  const value = JSON.parse(body) as T;
  const validate = open311Validator(schemaFile);
  if (!validate(value)) throw new Error(`${schemaFile}: ${JSON.stringify(validate.errors)}\n${body.slice(0, 500)}`);
  return value;
}

/** XML as XML::Simple-style readers see it: every element's text kept as a string; repeated items as arrays. */
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'attribute', 'value', 'endpoint', 'format', 'request', 'request_update', 'error'].includes(name),
});

export function parseOpen311Xml(body: string): Record<string, any> {
  if (!body.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error(`no XML declaration: ${body.slice(0, 80)}`);

  return parser.parse(body) as Record<string, any>;
}
