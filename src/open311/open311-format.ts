import { XMLBuilder } from 'fast-xml-parser';

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

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true, processEntities: true });

type XmlNode = string | XmlNode[] | { [key: string]: XmlNode };

function toXml(value: Open311Value, name: string): XmlNode {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`Open311: no item element for <${name}>`);
    // An empty group is an empty element; items repeat the item element.
    return value.length === 0 ? '' : { [item]: value.map((v) => toXml(v, item)) };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXml(v, k)]));
}

/** `root`: the XML root element (a grouping root such as `services`, or `service_definition`, `discovery`). */
export function renderOpen311(format: Format, root: string, value: Open311Value): string {
  if (format === 'json') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: toXml(value, root) }) as string}`;
}

/** The Open311 error document: one or more `{code, description}`. */
export const renderErrors = (format: Format, errors: { code: number; description: string }[]) =>
  renderOpen311(format, 'errors', errors);
