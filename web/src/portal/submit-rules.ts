import { COMPANY_NAME_MAX, creditCodeProblem, isPersonName, normalizeCreditCode, PORTAL_LIMITS } from '../shared/contract';
// The server's own rule (src/orders/phone.ts): the form refuses exactly what the API would.
import { PHONE_REGEXP as PHONE } from '../../../src/orders/phone';
import type { PortalMessageKey } from './portal.messages';

export interface AppealForm {
  appealType: string;
  categoryId: string;
  title: string;
  content: string;
  address: string;
  callerName: string;
  callerPhone: string;
  confidential: boolean;
  /** 涉企诉求 (ADR 0137): a company's appeal, its name optionally kept from the office. */
  isCompany: boolean;
  companyName: string;
  creditCode: string;
  protectCompany: boolean;
}

export type FormErrors = Partial<Record<keyof AppealForm, string>>;
type T = (key: PortalMessageKey, vars?: Record<string, string | number>) => string;

/** The form's own check before sending: required fields, the shared limits, a name, a phone. */
export function appealErrors(form: AppealForm, t: T): FormErrors {
  const errors: FormErrors = {};
  for (const name of ['title', 'content', 'callerName', 'callerPhone'] as const) {
    if (form[name].trim() === '') errors[name] = t('required');
  }
  for (const name of ['title', 'content', 'address', 'callerName'] as const) {
    const max = PORTAL_LIMITS[name];
    const n = form[name].length;
    if (n > max) errors[name] = t('tooLong', { max, n, over: n - max });
  }
  if (!errors.callerName && !isPersonName(form.callerName)) errors.callerName = t('badName');
  if (!errors.callerPhone && !PHONE.test(form.callerPhone)) errors.callerPhone = t('badPhone');
  if (form.isCompany) Object.assign(errors, companyErrors(form, t));
  return errors;
}

/** The company's name and code, checked with the server's own GB 32100 rule. */
function companyErrors(form: AppealForm, t: T): FormErrors {
  const errors: FormErrors = {};
  const name = form.companyName.trim();
  if (name === '') errors.companyName = t('required');
  else if (name.length > COMPANY_NAME_MAX)
    errors.companyName = t('tooLong', { max: COMPANY_NAME_MAX, n: name.length, over: name.length - COMPANY_NAME_MAX });
  const problem = form.creditCode.trim() === '' ? null : creditCodeProblem(normalizeCreditCode(form.creditCode));
  if (form.creditCode.trim() === '') errors.creditCode = t('required');
  else if (problem) errors.creditCode = t(`codeBad.${problem}`);
  return errors;
}

/** The multipart fields of the form: the company's only when the citizen speaks for one. */
export function appealFields(form: AppealForm): Record<string, string | undefined> {
  const { isCompany, companyName, creditCode, protectCompany, confidential, ...rest } = form;
  return {
    ...rest,
    confidential: confidential ? 'true' : undefined,
    ...(isCompany
      ? {
          companyName: companyName.trim(),
          creditCode: normalizeCreditCode(creditCode),
          protectCompany: protectCompany ? 'true' : undefined,
        }
      : {}),
  };
}
