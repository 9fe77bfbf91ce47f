import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderOpen311, type Open311Value } from '../../src/open311/open311-format.js';

// The Open311 XML is written directly (ADR 0181, the bench's finding): it must be exactly what the
// general builder it replaced wrote, element for element, so every client that read the old answers
// reads the new ones. The builder's way, as it was in src/open311/open311-format.ts:
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
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const builder = new XMLBuilder({ format: false, suppressEmptyNode: true, processEntities: true });
type XmlNode = string | XmlNode[] | { [key: string]: XmlNode };
function toXml(value: Open311Value, name: string): XmlNode {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (Array.isArray(value)) return value.length === 0 ? '' : { [ITEM_OF[name]!]: value.map((v) => toXml(v, ITEM_OF[name]!)) };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXml(v, k)]));
}
const byBuilder = (root: string, value: Open311Value) =>
  `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: toXml(value, root) }) as string}`;

const request = (i: number, over: Record<string, Open311Value> = {}) => ({
  service_request_id: `K${String(i).padStart(9, '0')}`,
  status: i % 2 === 0 ? 'open' : 'closed',
  status_notes: '办理中',
  service_name: '路灯损坏',
  service_code: 'T0101',
  description: `路灯坏了 <b>"很久"</b> & 'still' > 1 月\n第二行\ttab`,
  agency_responsible: null,
  service_notice: null,
  requested_datetime: '2026-12-01T08:00:00Z',
  updated_datetime: '2026-12-02T08:00:00Z',
  expected_datetime: null,
  address: '锡林浩特市额尔敦路',
  address_id: '',
  zipcode: null,
  lat: 43.931,
  long: -116.08,
  media_url: 'https://img.example.org/a.jpg?x=1&y=2',
  ...over,
});

const documents: [string, string, Open311Value][] = [
  ['requests', 'service_requests', [request(1), request(2, { description: '\u0001\u0002', lat: 0, long: null })]],
  ['no requests', 'service_requests', []],
  [
    'discovery',
    'discovery',
    {
      changeset: '2026-12-01T00:00:00Z',
      contact: '12345 <hotline@example.org>',
      key_service: '',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://127.0.0.1/open311/v2',
          changeset: '2026-12-01T00:00:00Z',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    },
  ],
  [
    'services',
    'services',
    [
      {
        service_code: 'T01',
        service_name: '供热',
        description: '城建 / 供热',
        metadata: true,
        type: 'realtime',
        keywords: '暖气,供暖',
        group: '城建',
      },
      { service_code: 'T02', service_name: 'x', description: '', metadata: false, type: 'realtime', keywords: null, group: null },
    ],
  ],
  [
    'service definition',
    'service_definition',
    {
      service_code: 'T01',
      attributes: [
        {
          variable: true,
          code: 'floor',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: null,
          order: 1,
          description: '楼层',
          values: [
            { key: '1', name: '一层' },
            { key: '2', name: '二层 & 以上' },
          ],
        },
        {
          variable: false,
          code: 'n',
          datatype: 'number',
          required: true,
          datatype_description: 'x',
          order: 2,
          description: 'd',
          values: [],
        },
      ],
    },
  ],
  ['errors', 'errors', [{ code: 404, description: '未找到 (not found) <"x">' }]],
  [
    'updates',
    'service_request_updates',
    [{ update_id: 'u1', status: 'OPEN', description: '   ', media_url: null, updated_datetime: '2026-12-01T00:00:00Z' }],
  ],
  ['empty object', 'service_definition', { service_code: 'T', attributes: [{}] }],
];

describe('Open311 XML written directly', () => {
  it.each(documents)('%s: the same bytes as the builder it replaced, and well-formed', (_label, root, value) => {
    const xml = renderOpen311('xml', root, value);
    expect(xml).toBe(byBuilder(root, value));
    expect(() => new XMLParser().parse(xml, true)).not.toThrow();
  });

  it('escapes the five entities and drops characters XML cannot hold', () => {
    const xml = renderOpen311('xml', 'errors', [{ code: 400, description: `a&b<c>d'e"f\u0007g` }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>400</code><description>a&amp;b&lt;c&gt;d&apos;e&quot;fg</description></error></errors>',
    );
  });
});
