import { PORTAL_LIMITS } from '../shared/contract';
import type { PortalMessageKey } from './portal.messages';
import type { AppealForm, FormErrors } from './submit-rules';
import { Counter } from './ui';

/** The appeal form before the citizen types (the knowledge base may start title and content). */
export const EMPTY_APPEAL: AppealForm = {
  appealType: 'help',
  categoryId: '',
  title: '',
  content: '',
  address: '',
  callerName: '',
  callerPhone: '',
  confidential: false,
  isCompany: false,
  companyName: '',
  creditCode: '',
  protectCompany: false,
};

/** The server names the company's code as enterprise.creditCode (the intake's field); the form as creditCode. */
export const formField = (field: string | undefined) => field?.replace(/^enterprise\./, '');

/** The fields with a length limit the form counts as the citizen types. */
export type LimitedField = 'title' | 'content' | 'address' | 'callerName';

/**
 * A limited field's label, error and counter: it counts as the citizen types or pastes, and says the
 * limit at once when over it (the name has no counter).
 */
export function limitedTextProps(
  form: AppealForm,
  errors: FormErrors,
  t: (key: PortalMessageKey, values?: Record<string, string | number>) => string,
  name: LimitedField,
  key: PortalMessageKey,
) {
  const max = PORTAL_LIMITS[name];
  const n = form[name].length;
  const over = n > max ? t('tooLong', { max, n, over: n - max }) : undefined;
  const counter = <Counter n={n} max={max} text={t('counter', { n, max })} />;
  return { label: t(key), error: errors[name] ?? over, aside: name === 'callerName' ? undefined : counter };
}
