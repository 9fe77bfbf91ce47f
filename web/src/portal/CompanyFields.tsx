import { useT } from '../shared/i18n';
import { COMPANY_NAME_MAX } from '../shared/contract';
import { portalMessages } from './portal.messages';
import type { AppealForm, FormErrors } from './submit-rules';
import { TextField } from './ui';

/** 涉企诉求 on the portal (ADR 0137): a tick, then the company's name, its credit code and the protection. */
export function CompanyFields({
  form,
  errors,
  set,
}: {
  form: AppealForm;
  errors: FormErrors;
  set: <K extends keyof AppealForm>(name: K, value: AppealForm[K]) => void;
}) {
  const t = useT(portalMessages);
  return (
    <>
      <label className="p-check">
        <input
          type="checkbox"
          checked={form.isCompany}
          onChange={(e) => set('isCompany', e.target.checked)}
          data-testid="portal-company"
        />
        <span>{t('isCompany')}</span>
      </label>
      {form.isCompany && (
        <>
          <TextField
            label={t('companyName')}
            error={errors.companyName}
            value={form.companyName}
            maxLength={COMPANY_NAME_MAX + 20}
            autoComplete="organization"
            onChange={(v) => set('companyName', v)}
            testId="portal-company-name"
          />
          <TextField
            label={t('creditCode')}
            hint={t('creditCodeHint')}
            error={errors.creditCode}
            value={form.creditCode}
            maxLength={30}
            onChange={(v) => set('creditCode', v.toUpperCase())}
            testId="portal-credit-code"
          />
          <label className="p-check">
            <input
              type="checkbox"
              checked={form.protectCompany}
              onChange={(e) => set('protectCompany', e.target.checked)}
              data-testid="portal-protect-company"
            />
            <span>{t('protectCompany')}</span>
          </label>
        </>
      )}
    </>
  );
}
