import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { CITIZEN_CHANNEL_LABELS, CITIZEN_EVENT_LABELS, type CitizenTemplateView } from '../../../../src/contract/citizen-notices';
import { useLang, useT } from '../../shared/i18n';
import { errorText } from '../api/mutation';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { noticeKeys, saveCitizenTemplate } from './notices-api';
import { noticeMessages } from './notices.messages';

interface Values {
  subject?: string;
  body: string;
}

/**
 * One template's text. A refusal stays in the dialog with the server's own words (an SMS naming
 * {title} would carry the appeal's content), so the admin sees why and can correct it in place.
 */
export function TemplateEditor(props: {
  template: CitizenTemplateView | null;
  vars: Record<'sms' | 'email', string[]> | undefined;
  onClose: () => void;
}) {
  const t = useT(noticeMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const tpl = props.template;

  useEffect(() => {
    setRefusal(null);
    if (tpl) form.setFieldsValue({ subject: tpl.subject ?? undefined, body: tpl.body });
  }, [tpl, form]);

  const save = async (v: Values) => {
    if (!tpl) return;
    setSaving(true);
    try {
      await saveCitizenTemplate(tpl, {
        subject: tpl.channel === 'email' ? (v.subject?.trim() ?? null) || null : null,
        body: v.body,
      });
      await client.invalidateQueries({ queryKey: noticeKeys.templates });
      void message.success(t('tpl.saved'));
      props.onClose();
    } catch (e) {
      setRefusal(errorText(e, lang));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={tpl !== null}
      title={
        tpl &&
        t('tpl.editTitle', {
          event: CITIZEN_EVENT_LABELS[tpl.event][lang],
          channel: CITIZEN_CHANNEL_LABELS[tpl.channel][lang],
          lang: t(`lang.${tpl.lang}`),
        })
      }
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: saving, ...({ 'data-testid': 'template-save' } as object) }}
      destroyOnHidden
      width={640}
    >
      {tpl && props.vars && (
        <Typography.Paragraph type="secondary">
          {t('tpl.vars')}：{props.vars[tpl.channel].map((v) => `{${v}}`).join(' ')}
        </Typography.Paragraph>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          message={t('tpl.refused')}
          description={refusal}
          style={{ marginBottom: 12 }}
          data-testid="template-refused"
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        {tpl?.channel === 'email' && (
          <Form.Item name="subject" label={t('tpl.subject')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="body" label={t('tpl.body')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="template-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
