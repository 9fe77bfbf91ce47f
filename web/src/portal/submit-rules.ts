import { isPersonName, PORTAL_LIMITS } from '../shared/contract';
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
  return errors;
}
