import type { Role } from './vocabulary.js';

/**
 * 涉企诉求 (enterprise appeals, ADR 0137): the words server and web share. The unified social credit
 * code (统一社会信用代码) is checked the same way on both sides, per GB 32100-2015: 18 characters from
 * the code's alphabet (digits and capitals without I, O, S, V, Z), the 18th a check character over
 * the first 17 with weights 3^i mod 31.
 */
export const COMPANY_NAME_MAX = 100;
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'checkDigit';

/** Upper case without spaces: what people type is stored as the code reads on the licence. */
export const normalizeCreditCode = (code: string) => code.replace(/\s+/g, '').toUpperCase();

/** The check character the first 17 characters call for (GB 32100-2015, 5.2). */
export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + CODE_CHARS.indexOf(ch) * WEIGHTS[i]!, 0);
  return CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** What is wrong with a (normalised) credit code, or null when it is well-formed. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if ([...code].some((ch) => !CODE_CHARS.includes(ch))) return 'characters';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checkDigit';
}

/** The enterprise identity given at intake (console or portal). */
export interface EnterpriseInput {
  companyName: string;
  creditCode: string;
  /** 保护企业名称: pass the matter on without the company's name and code. */
  protectName?: boolean;
}

/** The order page's enterprise section: a protected company is hidden from the handling unit. */
export interface EnterpriseView {
  companyName: string | null;
  creditCode: string | null;
  protectName: boolean;
  /** True when this reader does not see the name and code (a unit, the company asked for protection). */
  hidden: boolean;
}

/** The centre's enterprise desk (企业服务专席): who sees the queue and its KPIs. */
export const ENTERPRISE_DESK_ROLES: readonly Role[] = ['operator', 'dispatcher', 'supervisor', 'leader', 'analyst'];

/** One row of the enterprise desk's queue (GET /api/enterprise/orders). */
export interface EnterpriseQueueRow<At = string> {
  orderId: string;
  orderNo: string;
  title: string;
  state: string;
  appealType: string;
  companyName: string;
  creditCode: string;
  protectName: boolean;
  leadUnitName: string | null;
  acceptedAt: At;
  closedAt: At | null;
  satisfaction: string | null;
}

export interface EnterpriseQueueView<At = string> {
  rows: EnterpriseQueueRow<At>[];
  total: number;
}
