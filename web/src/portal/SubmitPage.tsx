import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { APPEAL_TYPES, PORTAL_LIMITS, categoryMatches } from '../shared/contract';
import { useLang, useT } from '../shared/i18n';
import { apiField, apiMessage } from './portal-errors';
import { submitAppeal, usePortalInfo, type PortalInfo } from './portal-api';
import { portalMessages, type PortalMessageKey } from './portal.messages';
import { PhotoPicker } from './PhotoPicker';
import { rememberReceipt } from './ReceiptPage';
import { appealErrors, type AppealForm, type FormErrors } from './submit-rules';
import { Button, Choice, Counter, Field, Notice } from './ui';

/** Categories in tree order, each indented by its depth, for a native select a phone shows well. */
function categoryOptions(categories: PortalInfo['categories']) {
  const children = new Map<string | null, PortalInfo['categories']>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: { id: string; label: string; category: PortalInfo['categories'][number] }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ id: c.id, label: `${'\u3000'.repeat(depth)}${c.name}`, category: c });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const EMPTY: AppealForm = {
  appealType: 'help',
  categoryId: '',
  title: '',
  content: '',
  address: '',
  callerName: '',
  callerPhone: '',
  confidential: false,
};

/** The appeal form: type, optional category, what happened, where, who; photos optional. */
export function SubmitPage() {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const [form, setForm] = useState<AppealForm>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({});
  const [photos, setPhotos] = useState<File[]>([]);
  const info = usePortalInfo();
  const allCategories = useMemo(() => categoryOptions(info.data?.categories ?? []), [info.data]);
  const [categoryQuery, setCategoryQuery] = useState('');
  // 暖气 finds 供热: the portal narrows its plain list with the same alias matcher as intake (ADR 0085)
  const categories = allCategories.filter((c) => c.id === form.categoryId || categoryMatches(c.category, categoryQuery));
  const maxPhotos = info.data?.maxPhotos ?? 5;
  const set = <K extends keyof AppealForm>(name: K, value: AppealForm[K]) => {
    setForm((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };
  const send = useMutation({
    mutationFn: () => submitAppeal({ ...form, confidential: form.confidential ? 'true' : undefined }, photos),
    onSuccess: (receipt) => {
      rememberReceipt(receipt);
      navigate('/portal/done');
    },
    onError: (error) => {
      const field = apiField(error);
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
  const field = apiField(send.error);
  const unplaced = send.isError && !(field && field in form);
  // Each limited field counts as the citizen types or pastes, and says the limit at once when over it.
  const text = (name: 'title' | 'content' | 'address' | 'callerName', key: PortalMessageKey) => {
    const max = PORTAL_LIMITS[name];
    const n = form[name].length;
    const over = n > max ? t('tooLong', { max, n, over: n - max }) : undefined;
    const counter = <Counter n={n} max={max} text={t('counter', { n, max })} />;
    return { label: t(key), error: errors[name] ?? over, aside: name === 'callerName' ? undefined : counter };
  };

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
        <Field {...text('title', 'title')}>
          {(a) => (
            <input
              className="p-input"
              id={a.id}
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid}
              value={form.title}
              placeholder={t('titlePlaceholder')}
              onChange={(e) => set('title', e.target.value)}
              data-testid="portal-title"
            />
          )}
        </Field>
        <Field {...text('content', 'content')}>
          {(a) => (
            <textarea
              className="p-input"
              id={a.id}
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid}
              rows={5}
              value={form.content}
              placeholder={t('contentPlaceholder')}
              onChange={(e) => set('content', e.target.value)}
              data-testid="portal-content"
            />
          )}
        </Field>
        <Field label={t('category')} error={errors.categoryId}>
          {(a) => (
            <>
              <input
                className="p-input"
                type="search"
                value={categoryQuery}
                placeholder={t('categorySearch')}
                aria-label={t('categorySearch')}
                onChange={(e) => setCategoryQuery(e.target.value)}
                data-testid="portal-category-search"
              />
              <select
                className="p-input"
                id={a.id}
                value={form.categoryId}
                onChange={(e) => set('categoryId', e.target.value)}
                data-testid="portal-category"
              >
                <option value="">{t('categoryPlaceholder')}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </>
          )}
        </Field>
        <Field {...text('address', 'address')}>
          {(a) => (
            <input
              className="p-input"
              id={a.id}
              aria-describedby={a.describedBy}
              value={form.address}
              placeholder={t('addressPlaceholder')}
              onChange={(e) => set('address', e.target.value)}
              data-testid="portal-address"
            />
          )}
        </Field>
        <Field {...text('callerName', 'callerName')}>
          {(a) => (
            <input
              className="p-input"
              id={a.id}
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid}
              value={form.callerName}
              autoComplete="name"
              onChange={(e) => set('callerName', e.target.value)}
              data-testid="portal-name"
            />
          )}
        </Field>
        <Field label={t('callerPhone')} hint={t('phoneHint')} error={errors.callerPhone}>
          {(a) => (
            <input
              className="p-input"
              id={a.id}
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid}
              value={form.callerPhone}
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              onChange={(e) => set('callerPhone', e.target.value)}
              data-testid="portal-phone"
            />
          )}
        </Field>
        <label className="p-check">
          <input
            type="checkbox"
            checked={form.confidential}
            onChange={(e) => set('confidential', e.target.checked)}
            data-testid="portal-confidential"
          />
          <span>{t('confidential')}</span>
        </label>
        <PhotoPicker max={maxPhotos} photos={photos} onChange={setPhotos} />
        {unplaced && <Notice kind="error">{apiMessage(send.error, lang, t('error'))}</Notice>}
        <Button primary big type="submit" busy={send.isPending} data-testid="portal-submit">
          {send.isPending ? t('submitting') : t('submit')}
        </Button>
      </form>
    </section>
  );
}
