import { Button, Card, Tabs } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { channelAdminMessages } from './channels-admin.messages';
import { CriterionForm } from './CriterionForm';
import { MergedLinesTab } from './MergedLinesTab';
import { WindowsTab } from './WindowsTab';

/**
 * /admin/channels (issue 16, ADR 0175): the system administrator's registers — the merged hotlines
 * (双号并行 or retired), the 办不成事 windows the intake offers, and the retirement criterion the
 * monthly report (/channels/report) marks lines by.
 */
export function ChannelsAdminPage() {
  const a = useT(channelAdminMessages);
  return (
    <Card
      title={a('title')}
      data-testid="channels-admin"
      extra={
        <Link to="/channels/report">
          <Button>{a('reportLink')}</Button>
        </Link>
      }
    >
      <Tabs
        destroyOnHidden
        items={[
          { key: 'lines', label: a('tab.lines'), children: <MergedLinesTab /> },
          { key: 'windows', label: a('tab.windows'), children: <WindowsTab /> },
          { key: 'criterion', label: a('tab.criterion'), children: <CriterionForm /> },
        ]}
      />
    </Card>
  );
}
