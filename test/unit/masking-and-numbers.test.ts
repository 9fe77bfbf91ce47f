import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from '../../src/orders/masking.js';
import { newQueryCode, orderDay } from '../../src/orders/order-number.js';
import { can } from '../../src/users/permissions.js';
import { isUnitScoped, type Actor } from '../../src/users/roles.js';

const actor = (roles: string[]): Actor => ({
  kind: 'user',
  userId: 'u',
  centreId: 'c',
  unitId: 'x',
  unitPath: '/x/',
  roles: roles as never,
  label: 't',
});

describe('masking', () => {
  it('masks phones as 138****1234 and names to the first character', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0479-8221234')).toBe('047****1234');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('order numbers', () => {
  it('use the day in the centre time zone, not UTC', () => {
    // 2024-07-22 17:30 UTC is already 23 July in Shanghai.
    expect(orderDay(new Date('2024-07-22T17:30:00Z'), 'Asia/Shanghai')).toBe('240723');
    expect(newQueryCode()).toMatch(/^\d{6}$/);
  });
});

describe('permissions', () => {
  it('lets centre intake roles read personal data and keeps others out', () => {
    expect(can(actor(['operator']), 'pii.read')).toBe(true);
    expect(can(actor(['leader']), 'pii.read')).toBe(false);
    expect(can(actor(['unit_handler']), 'pii.read')).toBe(false);
    expect(can(actor(['admin']), 'order.read')).toBe(false);
    // 三员分立 (ADR 0157): accounts are the security administrator's; the audit administrator reads no orders.
    expect(can(actor(['admin']), 'user.manage')).toBe(false);
    expect(can(actor(['security_admin']), 'user.manage')).toBe(true);
    expect(can(actor(['security_admin']), 'order.read')).toBe(false);
    expect(can(actor(['auditor']), 'order.read')).toBe(false);
    expect(can(actor(['auditor']), 'pii.audit')).toBe(true);
  });
  it('scopes users with only unit roles to their unit', () => {
    expect(isUnitScoped(actor(['unit_handler']))).toBe(true);
    expect(isUnitScoped(actor(['unit_admin', 'unit_handler']))).toBe(true);
    expect(isUnitScoped(actor(['dispatcher']))).toBe(false);
  });
});
