import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionName, auditDetailInWords } from '../../src/contract/audit-labels.js';

/** Every action key some code in src/ writes to the audit trail (`purpose: '…'`, including SQL in migrations). */
function writtenActionKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const source = fs.readFileSync(full, 'utf8');
        for (const m of source.matchAll(/purpose(?:: | \?\? )'([a-z_]+(?:\.[a-zA-Z_]+)+)'/g)) keys.add(m[1]!);
        for (const m of source.matchAll(/'((?:auth|admin|migration)\.[a-z_.]+)'/g)) keys.add(m[1]!);
      }
    }
  };
  walk(path.resolve(__dirname, '../../src'));
  return keys;
}

describe('the audit trail in words (issue 15)', () => {
  it('names every action key the code writes, in Chinese and English', () => {
    const keys = writtenActionKeys();
    expect(keys.size).toBeGreaterThan(20);
    for (const key of keys) {
      expect(AUDIT_ACTION_LABELS[key], key).toBeDefined();
      expect(auditActionName(key, 'zh')).not.toBe(key);
      expect(auditActionName(key, 'en')).not.toBe(key);
    }
    expect(auditActionName('auth.login.failed', 'zh')).toBe('登录失败');
    expect(auditActionName('some.new.key', 'zh')).toBe('some.new.key');
  });

  it('says a row’s details in words, not JSON: address, reason, roles before and after; ids left out', () => {
    expect(auditDetailInWords({ ip: '10.0.0.1', reason: 'password' }, 'zh')).toBe('地址 10.0.0.1 · 原因 密码错误');
    expect(auditDetailInWords({ ip: '10.0.0.1', reason: 'unknown' }, 'en')).toBe('address 10.0.0.1 · reason unknown name');
    expect(
      auditDetailInWords(
        { userId: 'a5f0…', before: { roles: ['operator'] }, after: { roles: ['operator', 'dispatcher'] } },
        'zh',
      ),
    ).toBe('之前 角色 话务员 · 之后 角色 话务员、派单员');
    expect(auditDetailInWords({ before: ['admin', 'supervisor'], after: ['admin'] }, 'zh')).toBe(
      '之前 系统管理员、督办员 · 之后 系统管理员',
    );
    const act = auditDetailInWords({ params: { id: 'u1' }, body: { name: '新单位' }, status: 200, ip: '127.0.0.1' }, 'zh');
    expect(act).toBe('参数 id u1 · 内容 name 新单位 · 状态码 200 · 地址 127.0.0.1');
    expect(act).not.toContain('{');
    expect(auditDetailInWords(null, 'zh')).toBe('');
  });
});
