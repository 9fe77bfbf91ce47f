import { describe, expect, it } from 'vitest';
import { homeFor, mayVisit, navFor } from '../../web/src/console/shell/nav.js';
import { levelAt, readDeadline } from '../../web/src/console/common/deadline.js';
import type { Order } from '../../web/src/console/api/types.js';

describe('console navigation by role', () => {
  it('lands each role on its own desk', () => {
    expect(homeFor(['operator'])).toBe('/intake');
    expect(homeFor(['dispatcher'])).toBe('/dispatch');
    expect(homeFor(['unit_handler'])).toBe('/unit');
    expect(homeFor(['unit_admin'])).toBe('/unit');
    expect(homeFor(['supervisor'])).toBe('/review');
    expect(homeFor(['leader'])).toBe('/leader');
    expect(homeFor(['analyst'])).toBe('/dashboard');
    expect(homeFor(['admin'])).toBe('/admin/units');
    expect(homeFor(['auditor'])).toBe('/audit');
    expect(homeFor(['security_admin'])).toBe('/admin/users');
  });

  it('shows a unit handler no centre desks and an admin no order queues', () => {
    const handler = navFor(['unit_handler']).map((n) => n.path);
    expect(handler).toContain('/unit');
    expect(handler).not.toContain('/dispatch');
    expect(handler).not.toContain('/admin/users');
    expect(mayVisit(['unit_handler'], '/dispatch')).toBe(false);
    expect(mayVisit(['admin'], '/admin/timelimits')).toBe(true);
    expect(mayVisit(['admin'], '/intake')).toBe(false);
    // The audit trail is the audit administrator's alone (三员分立, issue 15).
    expect(mayVisit(['auditor'], '/audit')).toBe(true);
    expect(mayVisit(['admin'], '/audit')).toBe(false);
    expect(mayVisit(['supervisor'], '/audit')).toBe(false);
  });

  it('gives each of the three administrators only their own screens (三员分立)', () => {
    expect(navFor(['admin']).map((n) => n.path)).not.toContain('/admin/users');
    expect(navFor(['security_admin']).map((n) => n.path)).toContain('/admin/users');
    expect(navFor(['security_admin']).map((n) => n.path)).not.toContain('/admin/units');
    expect(navFor(['auditor']).map((n) => n.path)).toEqual(['/audit', '/account']);
  });

  it('sends grid workers and grid reporters to the grid desk and nowhere among the orders (issue 18)', () => {
    expect(homeFor(['gridworker'])).toBe('/grid');
    expect(homeFor(['grid_reporter'])).toBe('/grid');
    expect(navFor(['grid_reporter']).map((n) => n.path)).toEqual(['/grid', '/account']);
    expect(mayVisit(['gridworker'], '/orders')).toBe(false);
    expect(mayVisit(['dispatcher'], '/grid')).toBe(false);
  });
});

describe('deadline shown on an order', () => {
  const base = { id: 'x' } as unknown as Order;
  it('reads the timeLimit the API presents and colours it by the instants', () => {
    const order = {
      ...base,
      timeLimit: { stage: 'sign', dueAt: '2025-03-03T10:00:00Z', warnAt: '2025-03-03T09:00:00Z', paused: false },
    } as unknown as Order;
    const d = readDeadline(order)!;
    expect(d.stage).toBe('sign');
    expect(levelAt(d, Date.parse('2025-03-03T08:00:00Z'))).toBe('none');
    expect(levelAt(d, Date.parse('2025-03-03T09:30:00Z'))).toBe('yellow');
    expect(levelAt(d, Date.parse('2025-03-03T10:00:00Z'))).toBe('red');
  });
  it('trusts the level the server computed, and shows nothing without a deadline', () => {
    const order = { ...base, timeLimit: { dueAt: '2025-03-03T10:00:00Z', warningLevel: 'yellow' } } as unknown as Order;
    expect(levelAt(readDeadline(order)!, Date.parse('2025-03-03T08:00:00Z'))).toBe('yellow');
    expect(readDeadline({ ...base, timeLimit: { dueAt: null } } as unknown as Order)).toBeNull();
    expect(readDeadline(base)).toBeNull();
  });
});
