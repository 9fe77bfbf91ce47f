import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/log-redaction.js';

describe('redactUrl (ADR 0172)', () => {
  it('masks phone-named query values whole and long digit runs elsewhere; leaves paths and other values', () => {
    expect(redactUrl('/api/orders?callerPhone=13987654321&limit=20')).toBe('/api/orders?callerPhone=139****4321&limit=20');
    expect(redactUrl('/api/orders?callerPhone=139-8765-4321')).toBe('/api/orders?callerPhone=139****4321');
    expect(redactUrl('/api/orders?callerPhone=12')).toBe('/api/orders?callerPhone=****');
    expect(redactUrl('/api/search/orders?q=%E4%BE%9B%E6%9A%96+13987654321')).toBe(
      '/api/search/orders?q=%E4%BE%9B%E6%9A%96+139****4321',
    );
    expect(redactUrl('/api/orders/20250303000012')).toBe('/api/orders/20250303000012');
    expect(redactUrl('/api/orders?state=closed&page=2')).toBe('/api/orders?state=closed&page=2');
  });
});
