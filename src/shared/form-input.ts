import { Ajv, type ErrorObject } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { invalidField } from './errors.js';
import { assertSafeInput } from './safe-input.js';

/**
 * Bodies that arrive as multipart forms (a citizen's appeal with photos, a grid report with videos):
 * their fields are strings, so the route's body schema cannot check them. These turn the form's
 * fields into the documented shape and check it against the same schema, naming the field at fault.
 */
const ajv = new Ajv({ allErrors: false, strict: false });

function fieldOf(error: ErrorObject | undefined): string {
  if (!error) return 'body';
  const params = error.params as Record<string, unknown>;
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  return extra ?? (error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body');
}

/** A checker for one schema: safe input first, then the schema; 400 naming the first field at fault. */
export function formChecker<T>(schema: TSchema): (raw: unknown) => T {
  const check = ajv.compile<T>(schema);
  return (raw) => {
    assertSafeInput(raw, '');
    if (!check(raw)) throw invalidField(fieldOf(check.errors?.[0]));
    return raw;
  };
}

/** A number; text that is not one stays text, so the schema refuses it naming the field. */
const numberValue = (value: string) => (value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);

/** Form conventions: numbers as text, checkboxes as "true"/"on"/"1", empty optional fields absent. */
export function fromForm(
  fields: Record<string, string>,
  kinds: { booleans: ReadonlySet<string>; numbers: ReadonlySet<string>; optionalText: ReadonlySet<string> },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (kinds.booleans.has(name)) out[name] = ['true', 'on', '1'].includes(value);
    else if (kinds.numbers.has(name)) out[name] = numberValue(value);
    else if (!(value === '' && kinds.optionalText.has(name))) out[name] = value;
  }
  return out;
}

/** One file of a multipart form, as the browser declared it (its real type is read from the bytes later). */
export interface FormFile {
  fileName: string;
  declaredType: string;
  data: Buffer;
}

/**
 * The fields and files of a multipart form: files only under `fileField`, at most `maxFiles`, each
 * under `maxBytes`; a repeated field is refused. The callers say how "too many" and "too large" read.
 */
export async function readFormParts(
  request: FastifyRequest,
  rules: { fileField: string; maxFiles: number; maxBytes: number; tooMany: () => Error; tooLarge: () => Error },
): Promise<{ fields: Record<string, string>; files: FormFile[] }> {
  const fields: Record<string, string> = {};
  const files: FormFile[] = [];
  try {
    for await (const part of request.parts({ limits: { files: rules.maxFiles + 1, fileSize: rules.maxBytes } })) {
      if (part.type === 'file') {
        if (part.fieldname !== rules.fileField) throw invalidField(part.fieldname);
        assertSafeInput(part.filename, rules.fileField);
        const data = await part.toBuffer();
        if (files.length >= rules.maxFiles) throw rules.tooMany();
        files.push({ fileName: part.filename, declaredType: part.mimetype, data });
      } else {
        if (part.fieldname in fields) throw invalidField(part.fieldname, 'repeated');
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw rules.tooMany();
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw rules.tooLarge();
    throw error;
  }
  return { fields, files };
}
