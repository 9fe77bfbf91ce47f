import { Alert, Card, Tabs } from 'antd';
import { useT } from '../../shared/i18n';
import { pointsMessages } from './points.messages';
import { ResidentsTab } from './ResidentsTab';
import { RulesTab } from './RulesTab';
import { ShopsTab } from './ShopsTab';

/**
 * /points (issue 19, ADR 0188): 积分管理 — the residents of the user's communities with their ledgers
 * (award, correct, redeem, monthly statement), the 爱心超市 with stock, and the rules with the
 * 有效反映 setting. Unit staff and grid workers act within their subtree; centre readers read.
 */
export function PointsPage() {
  const t = useT(pointsMessages);
  return (
    <Card title={t('title')} data-testid="points-page">
      <Alert type="info" showIcon title={t('intro')} style={{ marginBottom: 12 }} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'residents', label: t('tab.residents'), children: <ResidentsTab /> },
          { key: 'shops', label: <span data-testid="points-tab-shops">{t('tab.shops')}</span>, children: <ShopsTab /> },
          { key: 'rules', label: <span data-testid="points-tab-rules">{t('tab.rules')}</span>, children: <RulesTab /> },
        ]}
      />
    </Card>
  );
}
