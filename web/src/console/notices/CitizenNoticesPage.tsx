import { Card, Space, Tabs } from 'antd';
import { CITIZEN_NOTICE_EDITORS } from '../../../../src/contract/citizen-notices';
import { useT } from '../../shared/i18n';
import { hasRole, useSession } from '../shell/session';
import { NoticeOutbox } from './NoticeOutbox';
import { NoticeSettingsForm } from './NoticeSettingsForm';
import { NoticeTemplates } from './NoticeTemplates';
import { noticeMessages } from './notices.messages';
import { OptOutForm } from './OptOutForm';
import { OptOutList } from './OptOutList';

/**
 * /notices (issue 16): the notices to citizens as staff see them — the outbox (every delivery record;
 * without an SMS gateway they are kept here, 未配置短信通道), the templates, the settings, opt-outs.
 * Supervisors read; the system administrator edits templates and settings (as the server decides).
 */
export function CitizenNoticesPage() {
  const t = useT(noticeMessages);
  const canEdit = hasRole(useSession(), ...CITIZEN_NOTICE_EDITORS);
  return (
    <Card title={t('title')} data-testid="citizen-notices-page">
      <Tabs
        destroyOnHidden
        items={[
          { key: 'outbox', label: t('tab.outbox'), children: <NoticeOutbox /> },
          { key: 'templates', label: t('tab.templates'), children: <NoticeTemplates canEdit={canEdit} /> },
          { key: 'settings', label: t('tab.settings'), children: <NoticeSettingsForm canEdit={canEdit} /> },
          {
            key: 'opt-out',
            label: t('tab.optOut'),
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <OptOutForm />
                <OptOutList />
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
