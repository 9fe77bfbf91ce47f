/**
 * Open311 GeoReport v2 documents in both formats from one value (ADR 0181). The JSON is the Spark
 * mapping of the XML: a grouping element is a bare array and the root wrapper is dropped; the XML
 * names every grouping element's items (`services › service`, `attributes › attribute`,
 * `values › value`, `endpoints › endpoint`, `formats › format`), writes null as an empty element,
 * booleans as true/false, and starts with the XML declaration.
 */
export type Format = 'xml' | 'json';
export const FORMATS: readonly Format[] = ['xml', 'json'];

export const CONTENT_TYPE: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export type Open311Value = string | number | boolean | null | Open311Value[] | { [key: string]: Open311Value };

/** The item element of each grouping element. */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  groups: 'group',
};

/** Characters XML 1.0 cannot hold at all (control characters besides tab and line ends). */

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
/** Any character escapeText changes: most texts have none and are written as they are (no copy). */
const SPECIAL = /[&<>'"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const escapeText = (s: string) => (SPECIAL.test(s) ? s.replace(NOT_XML, '').replace(/[&<>'"]/g, (c) => ENTITY[c]!) : s);

/**
 * The element `name` holding `value`, as one string: null and empty text as an empty element
 * (`<name/>`), the five XML entities escaped in text. Written directly rather than through an XML
 * builder: 1,000 requests are ~200,000 elements, and a general builder spent ten times the time of
 * the rest of the answer on them (docs/BENCHMARKS.md, Open interfaces). Same output as fast-xml-parser's
 * builder (suppressEmptyNode, processEntities), checked in test/unit/open311-format.test.ts.
 */
function element(name: string, value: Open311Value): string {
  if (value === null) return `<${name}/>`;
  switch (typeof value) {
    case 'string': {
      const text = escapeText(value);
      return text === '' ? `<${name}/>` : `<${name}>${text}</${name}>`;
    }
    case 'number':
      return `<${name}>${String(value)}</${name}>`;
    case 'boolean':
      return `<${name}>${value ? 'true' : 'false'}</${name}>`;
  }
  // One string built by appending (V8 joins the pieces once, when the answer is written).
  let out = `<${name}>`;
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`Open311: no item element for <${name}>`);
    // An empty group is an empty element; items repeat the item element.
    if (value.length === 0) return `<${name}/>`;
    for (let i = 0; i < value.length; i++) out += element(item, value[i]!);
  } else {
    let empty = true;
    for (const k in value) {
      empty = false;
      out += element(k, value[k]!);
    }
    if (empty) return `<${name}/>`;
  }
  return `${out}</${name}>`;
}

/** `root`: the XML root element (a grouping root such as `services`, or `service_definition`, `discovery`). */
export function renderOpen311(format: Format, root: string, value: Open311Value): string {
  if (format === 'json') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

/** The Open311 error document: one or more `{code, description}`. */
export const renderErrors = (format: Format, errors: { code: number; description: string }[]) =>
  renderOpen311(format, 'errors', errors);
