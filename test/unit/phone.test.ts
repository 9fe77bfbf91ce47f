import { describe, expect, it } from 'vitest';
import { normalizePhone, PHONE_PATTERN } from '../../src/orders/phone.js';

describe('caller phone numbers', () => {
  it('keeps digits only, without the country code, so one caller is one number', () => {
    for (const typed of ['13912345678', '139-1234-5678', '139 1234 5678', '+86 139 1234 5678', '0086-13912345678']) {
      expect(normalizePhone(typed)).toBe('13912345678');
    }
    expect(normalizePhone('0479-822 1234')).toBe('04798221234'); // a landline keeps its area code's 0
    expect(normalizePhone('  ')).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });

  it('accepts 7–20 digits with spaces or dashes between, and nothing that is no number', () => {
    const ok = new RegExp(PHONE_PATTERN, 'u');
    for (const good of ['13912345678', '139 1234 5678', '+86-139-1234-5678', '8221234']) expect(ok.test(good)).toBe(true);
    for (const bad of ['12345', '1----', '1------1', '139123a5678', '-13912345678', '']) expect(ok.test(bad)).toBe(false);
  });
});
