import { describe, expect, it } from 'vitest';
import { auditedBody } from '../../src/users/admin-acts.hook.js';

describe("an administrative act's body as the audit row keeps it", () => {
  it('keeps the codes an auditor reads (a unit, a category) and blanks the secrets', () => {
    expect(
      auditedBody({
        code: 'GRJ01',
        name: '供热办',
        password: 'Hunter2!x',
        smtpPassword: 'p',
        webhookSecret: 's',
        accessToken: 't',
        totpCode: '123456',
        recoveryCodes: ['a'],
        apiKey: 'k',
        private_key: 'pk',
        otp: '654321',
        footprint: '3 km²',
      }),
    ).toEqual({
      code: 'GRJ01',
      name: '供热办',
      password: '***',
      smtpPassword: '***',
      webhookSecret: '***',
      accessToken: '***',
      totpCode: '***',
      recoveryCodes: '***',
      apiKey: '***',
      private_key: '***',
      otp: '***',
      footprint: '3 km²',
    });
  });

  it('cuts a long body to its field names and keeps nothing of a non-object body', () => {
    expect(auditedBody({ note: '长'.repeat(3000), code: 'X' })).toEqual({ fields: ['note', 'code'] });
    expect(auditedBody(['a'])).toBeUndefined();
    expect(auditedBody(Buffer.from('x'))).toBeUndefined();
  });
});
