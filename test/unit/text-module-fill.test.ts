import { describe, expect, it } from 'vitest';
import { fillTextModule, placeholdersOf, unknownPlaceholders } from '../../src/textmodules/text-module-fill.js';
import { insertModule, matchModules, moduleQueryAt } from '../../web/src/console/agenttools/text-module-trigger.js';

describe('fillTextModule', () => {
  it('fills every known variable, spaces inside the braces allowed', () => {
    const body = '{{citizen.name}}您好，您反映的工单 {{ order.number }} 已转{{unit.name}}办理，预计{{deadline}}前答复。{{today}}';
    const text = fillTextModule(body, {
      'citizen.name': '张*',
      'order.number': '2503030001',
      'unit.name': 'A旗住建局',
      deadline: '2025-03-10 17:30',
      today: '2025-03-03',
    });
    expect(text).toBe('张*您好，您反映的工单 2503030001 已转A旗住建局办理，预计2025-03-10 17:30前答复。2025-03-03');
  });

  it('shows a gap as — and leaves an unknown name as written', () => {
    expect(fillTextModule('截止{{deadline}}，{{foo.bar}}', { deadline: null })).toBe('截止—，{{foo.bar}}');
  });

  it('lists the placeholders and the unknown ones', () => {
    expect(placeholdersOf('{{today}} {{today}} {{order.number}}')).toEqual(['today', 'order.number']);
    expect(unknownPlaceholders('{{today}} {{citizen.phone}}')).toEqual(['citizen.phone']);
  });
});

describe('the :: trigger of the dialogs', () => {
  it('finds what follows :: before the caret, and only there', () => {
    expect(moduleQueryAt('您好。::ban', 8)).toEqual({ start: 3, query: 'ban' });
    expect(moduleQueryAt('您好。::', 5)).toEqual({ start: 3, query: '' });
    expect(moduleQueryAt('时间 10:30', 8)).toBeNull();
    expect(moduleQueryAt('::ban 之后', 8)).toBeNull();
  });

  it('matches keyword or name, keyword prefixes first, and inserts in place', () => {
    const modules = [
      { keyword: 'huifang', name: '回访话术' },
      { keyword: 'banjie', name: '办结答复' },
      { keyword: 'xban', name: '其他' },
    ];
    expect(matchModules(modules, 'ban').map((m) => m.keyword)).toEqual(['banjie', 'xban']);
    expect(matchModules(modules, '回访').map((m) => m.keyword)).toEqual(['huifang']);
    expect(insertModule('您好。::ban！', { start: 3, caret: 8 }, '已办结')).toEqual({ text: '您好。已办结！', caret: 6 });
  });
});
