import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { APPEAL_TYPES, PORTAL_LIMITS } from '../shared/contract';
import { useLang, useT } from '../shared/i18n';
import { apiField, apiMessage } from './portal-errors';
import { submitAppeal, usePortalInfo } from './portal-api';
import { portalMessages, type PortalMessageKey } from './portal.messages';
import { PhotoPicker } from './PhotoPicker';
import { rememberReceipt } from './ReceiptPage';
import { appealErrors, appealFields, type AppealForm, type FormErrors } from './submit-rules';
import { CompanyFields } from './CompanyFields';
import { CategoryPicker } from './CategoryPicker';
import { EMPTY_APPEAL, formField, limitedTextProps, type LimitedField } from './submit-form';
import { Button, Choice, Notice, TextField } from './ui';
import { PortalMapPin } from './PortalMapPin';
import type { GeoPoint } from '../../../src/contract/geo';

/** The appeal form: type, optional category, what happened, where, who; photos optional. */
export function SubmitPage() {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  // From the public knowledge base's 不是，我要反映 (issue 16): the answer read, as a start for the appeal.
  const [params] = useSearchParams();
  const [form, setForm] = useState<AppealForm>(() => ({
    ...EMPTY_APPEAL,
    title: (params.get('title') ?? '').slice(0, PORTAL_LIMITS.title),
    content: (params.get('content') ?? '').slice(0, PORTAL_LIMITS.content),
  }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [photos, setPhotos] = useState<File[]>([]);
  // 在地图上标注位置 (ADR 0187): optional, WGS-84.
  const [point, setPoint] = useState<GeoPoint | null>(null);
  const info = usePortalInfo();
  const maxPhotos = info.data?.maxPhotos ?? 5;
  const set = <K extends keyof AppealForm>(name: K, value: AppealForm[K]) => {
    setForm((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };
  const send = useMutation({
    mutationFn: () => submitAppeal({ ...appealFields(form), lat: point?.lat.toFixed(7), lng: point?.lng.toFixed(7) }, photos),
    onSuccess: (receipt) => {
      rememberReceipt(receipt);
      navigate('/portal/done');
    },
    onError: (error) => {
      const field = formField(apiField(error));
      if (field && field in form) setErrors({ [field]: apiMessage(error, lang, t('error')) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = appealErrors(form, t);
    setErrors(found);
    if (Object.keys(found).length === 0) send.mutate();
  };
  // A refusal the form cannot pin on one of its fields (photos, the server down) shows above the button.
  const field = formField(apiField(send.error));
  const unplaced = send.isError && !(field && field in form);
  // Each limited field counts as the citizen types or pastes, and says the limit at once when over it.
  const text = (name: LimitedField, key: PortalMessageKey) => limitedTextProps(form, errors, t, name, key);

  return (
    <section>
      <h2>{t('submitTitle')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <Choice
          label={t('appealType')}
          testId="portal-type"
          value={form.appealType}
          onChange={(v) => set('appealType', v)}
          options={(info.data?.appealTypes ?? APPEAL_TYPES).map((type) => ({
            value: type,
            label: t(`type.${type}` as PortalMessageKey),
          }))}
        />
        <TextField
          {...text('title', 'title')}
          value={form.title}
          placeholder={t('titlePlaceholder')}
          onChange={(v) => set('title', v)}
          testId="portal-title"
        />
        <TextField
          {...text('content', 'content')}
          rows={5}
          value={form.content}
          placeholder={t('contentPlaceholder')}
          onChange={(v) => set('content', v)}
          testId="portal-content"
        />
        <CategoryPicker
          categories={info.data?.categories}
          value={form.categoryId}
          onChange={(id) => set('categoryId', id)}
          error={errors.categoryId}
        />
        <TextField
          {...text('address', 'address')}
          value={form.address}
          placeholder={t('addressPlaceholder')}
          onChange={(v) => set('address', v)}
          testId="portal-address"
        />
        <PortalMapPin tiles={info.data?.map ?? null} value={point} onChange={setPoint} />
        <TextField
          {...text('callerName', 'callerName')}
          value={form.callerName}
          autoComplete="name"
          onChange={(v) => set('callerName', v)}
          testId="portal-name"
        />
        <TextField
          label={t('callerPhone')}
          hint={t('phoneHint')}
          error={errors.callerPhone}
          value={form.callerPhone}
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          onChange={(v) => set('callerPhone', v)}
          testId="portal-phone"
        />
        <label className="p-check">
          <input
            type="checkbox"
            checked={form.confidential}
            onChange={(e) => set('confidential', e.target.checked)}
            data-testid="portal-confidential"
          />
          <span>{t('confidential')}</span>
        </label>
        <CompanyFields form={form} errors={errors} set={set} />
        <PhotoPicker max={maxPhotos} photos={photos} onChange={setPhotos} />
        {unplaced && <Notice kind="error">{apiMessage(send.error, lang, t('error'))}</Notice>}
        <Button primary big type="submit" busy={send.isPending} data-testid="portal-submit">
          {send.isPending ? t('submitting') : t('submit')}
        </Button>
      </form>
    </section>
  );
}
