import { describe, expect, it } from 'vitest';
import { CITIZEN_EVENTS } from '../../src/contract/citizen-notices.js';
import { renderTemplate } from '../../src/notifications/citizen-template.js';
import { DEFAULT_TEMPLATES, SMS_PART_CHARS, SMS_SEGMENT_CHARS } from '../../src/notifications/citizen-templates.defaults.js';

// The longest values a notice carries in practice: the demo centre's 17-character name, a 13-digit
// order number (a day past 9,999 orders), a portal link of 64 characters.
const LONG = {
  centreName: '锡林郭勒盟12345政务服务便民热线',
  orderNo: '2025030410001',
  queryCode: '123456',
  link: `https://12345.xlgl.gov.cn/portal.html#/v/${'A'.repeat(22)}`,
  code: '123456',
  minutes: '5',
  portalUrl: 'https://12345.xlgl.gov.cn/portal.html',
};
const chars = (s: string) => [...s].length;
const NOTICES = CITIZEN_EVENTS.filter((e) => e !== 'otp');

describe('the built-in SMS texts', () => {
  it.each(NOTICES)('%s says how to stop the notices', (event) => {
    expect(DEFAULT_TEMPLATES[event].sms.body).toContain('退订请拨12345');
  });

  it('a verification code carries no opt-out (the citizen asked for it)', () => {
    expect(DEFAULT_TEMPLATES.otp.sms.body).not.toContain('退订');
  });

  it.each(NOTICES.filter((e) => e !== 'visit_invite'))('%s fits one SMS with the longest values', (event) => {
    const text = renderTemplate('sms', DEFAULT_TEMPLATES[event].sms.body, LONG);
    expect(chars(text)).toBeLessThanOrEqual(SMS_SEGMENT_CHARS);
  });

  it('the return-visit invitation, with its link, fits two parts of a long SMS', () => {
    const text = renderTemplate('sms', DEFAULT_TEMPLATES.visit_invite.sms.body, LONG);
    expect(chars(text)).toBeGreaterThan(SMS_SEGMENT_CHARS);
    expect(chars(text)).toBeLessThanOrEqual(2 * SMS_PART_CHARS);
  });
});
