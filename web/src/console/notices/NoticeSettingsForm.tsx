import { useEffect } from 'react';
import { Alert, Button, Checkbox, Form, InputNumber, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CITIZEN_EVENT_LABELS,
  SWITCHABLE_CITIZEN_EVENTS,
  type CitizenEvent,
  type CitizenLang,
} from '../../../../src/contract/citizen-notices';
import { useLang, useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { noticeKeys, saveCitizenNoticeSettings, useCitizenNoticeSettings } from './notices-api';
import { noticeMessages } from './notices.messages';

interface Values {
  events: CitizenEvent[];
  quietStart: Dayjs;
  quietEnd: Dayjs;
  secondLang: CitizenLang | 'none';
  visitLinkHours: number;
  /** Percent on the form, a share (0…1) on the wire. */
  directVisitPercent: number;
}

const SECOND_LANGS: CitizenLang[] = ['mn', 'en'];
/** Minutes of the local day ↔ a time of day for the picker. */
const toTime = (minutes: number) => dayjs().startOf('day').add(minutes, 'minute');
const toMinutes = (d: Dayjs) => d.hour() * 60 + d.minute();

/** Which events send, quiet hours, the second language, the return-visit link's life and the 直办 sample. */
export function NoticeSettingsForm({ canEdit }: { canEdit: boolean }) {
  const t = useT(noticeMessages);
  const { lang } = useLang();
  const write = useWrite();
  const settings = useCitizenNoticeSettings();
  const [form] = Form.useForm<Values>();
  const s = settings.data;

  useEffect(() => {
    if (!s) return;
    form.setFieldsValue({
      events: s.events,
      quietStart: toTime(s.quietStart),
      quietEnd: toTime(s.quietEnd),
      secondLang: s.secondLang ?? 'none',
      visitLinkHours: s.visitLinkHours,
      directVisitPercent: Math.round(s.directVisitShare * 1000) / 10,
    });
  }, [s, form]);

  const save = (v: Values) =>
    write(
      () =>
        saveCitizenNoticeSettings({
          events: v.events,
          quietStart: toMinutes(v.quietStart),
          quietEnd: toMinutes(v.quietEnd),
          secondLang: v.secondLang === 'none' ? null : v.secondLang,
          visitLinkHours: v.visitLinkHours,
          directVisitShare: v.directVisitPercent / 100,
        }),
      // The templates list follows the second language.
      { success: t('set.saved'), invalidate: [noticeKeys.settings, noticeKeys.templates] },
    );

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!canEdit}
      onFinish={(v) => void save(v)}
      style={{ maxWidth: 720 }}
      data-testid="notice-settings"
    >
      {!canEdit && <Alert type="info" showIcon message={t('set.readOnly')} style={{ marginBottom: 12 }} />}
      <Form.Item name="events" label={t('set.events')} help={t('set.eventsHelp')}>
        <Checkbox.Group options={SWITCHABLE_CITIZEN_EVENTS.map((e) => ({ value: e, label: CITIZEN_EVENT_LABELS[e][lang] }))} />
      </Form.Item>
      <Form.Item label={t('set.quiet')} help={t('set.quietHelp')}>
        <Space wrap>
          <Form.Item name="quietStart" noStyle rules={[{ required: true }]}>
            <TimePicker format="HH:mm" allowClear={false} placeholder={t('set.quietStart')} data-testid="quiet-start" />
          </Form.Item>
          <span>—</span>
          <Form.Item name="quietEnd" noStyle rules={[{ required: true }]}>
            <TimePicker format="HH:mm" allowClear={false} placeholder={t('set.quietEnd')} data-testid="quiet-end" />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="secondLang" label={t('set.secondLang')}>
        <Select
          style={{ width: 200 }}
          options={[
            { value: 'none', label: t('set.secondLangNone') },
            ...SECOND_LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) })),
          ]}
        />
      </Form.Item>
      <Space wrap size={24} align="start">
        <Form.Item
          name="visitLinkHours"
          label={t('set.visitLinkHours')}
          help={t('set.visitLinkHoursHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={720} precision={0} data-testid="visit-link-hours" />
        </Form.Item>
        <Form.Item name="directVisitPercent" label={t('set.directVisitShare')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={1} data-testid="direct-visit-share" />
        </Form.Item>
      </Space>
      {/* In a block of its own: after the inline Space above it would sit beside the last field, as if it
          saved only that one. */}
      {canEdit && (
        <Form.Item style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" data-testid="notice-settings-save">
            {t('save')}
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}
