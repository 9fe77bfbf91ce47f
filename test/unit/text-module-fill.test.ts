import { describe, expect, it } from 'vitest';
import { fillTextModule, placeholdersOf, unknownPlaceholders } from '../../src/textmodules/text-module-fill.js';

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
