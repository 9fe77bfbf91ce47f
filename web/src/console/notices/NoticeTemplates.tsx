import { useState } from 'react';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { CITIZEN_CHANNEL_LABELS, CITIZEN_EVENT_LABELS, type CitizenTemplateView } from '../../../../src/contract/citizen-notices';
import { useLang, useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { noticeKeys, saveCitizenTemplate, useCitizenTemplates } from './notices-api';
import { noticeMessages } from './notices.messages';
import { TemplateEditor } from './TemplateEditor';

const templateKey = (t: CitizenTemplateView) => `${t.event}-${t.channel}-${t.lang}`;

/** Every (event, channel, language) with the centre's text or the built-in one; the admin edits or resets. */
export function NoticeTemplates({ canEdit }: { canEdit: boolean }) {
  const t = useT(noticeMessages);
  const { lang } = useLang();
  const write = useWrite();
  const templates = useCitizenTemplates();
  const [editing, setEditing] = useState<CitizenTemplateView | null>(null);
  const vars = templates.data?.vars;
  const reset = (tpl: CitizenTemplateView) =>
    write(() => saveCitizenTemplate(tpl, { subject: null, body: null }), {
      success: t('tpl.resetDone'),
      invalidate: [noticeKeys.templates],
    });
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {vars && (
        <Alert
          type="info"
          showIcon
          message={t('tpl.vars')}
          data-testid="template-vars"
          description={
            <>
              <div>{t('tpl.varsSms', { vars: vars.sms.map((v) => `{${v}}`).join(' ') })}</div>
              <div>{t('tpl.varsEmail', { vars: vars.email.map((v) => `{${v}}`).join(' ') })}</div>
              <Typography.Text type="secondary">{t('tpl.leakRule')}</Typography.Text>
            </>
          }
        />
      )}
      <Table<CitizenTemplateView>
        rowKey={templateKey}
        size="small"
        loading={templates.isLoading}
        dataSource={templates.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="templates-table"
        onRow={(tpl) => ({ 'data-testid': `template-${templateKey(tpl)}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('tpl.event'), width: 130, render: (_, tpl) => CITIZEN_EVENT_LABELS[tpl.event][lang] },
          { title: t('tpl.channel'), width: 90, render: (_, tpl) => CITIZEN_CHANNEL_LABELS[tpl.channel][lang] },
          { title: t('tpl.lang'), width: 90, render: (_, tpl) => t(`lang.${tpl.lang}`) },
          {
            title: t('tpl.body'),
            ellipsis: true,
            render: (_, tpl) => (tpl.subject ? `${tpl.subject} — ${tpl.body}` : tpl.body),
          },
          {
            title: '',
            width: 100,
            render: (_, tpl) => (
              <Tag color={tpl.custom ? 'blue' : 'default'}>{tpl.custom ? t('tpl.custom') : t('tpl.builtIn')}</Tag>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 170,
                  render: (_: unknown, tpl: CitizenTemplateView) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(tpl)} data-testid={`template-edit-${templateKey(tpl)}`}>
                        {t('tpl.edit')}
                      </Button>
                      {tpl.custom && (
                        <Button size="small" onClick={() => void reset(tpl)}>
                          {t('tpl.reset')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TemplateEditor template={editing} vars={vars} onClose={() => setEditing(null)} />
    </Space>
  );
}
