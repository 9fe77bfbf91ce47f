import { Card, Col, Row, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useCategories } from '../api/queries';
import { timelimitMessages } from './timelimits.messages';
import { useTimeLimitPolicies } from './timelimits-api';
import { LeaderSettingsCard } from '../leader/LeaderSettingsCard';
import { NewPolicyCard } from './NewPolicyCard';
import { PolicyTable } from './PolicyTable';
import { EscalationSettingsCard, PresetCard } from './EscalationCards';

/** Time-limit rules by appeal type × priority × category, the defaults, and the escalation ladder. */
export function TimeLimitAdminPage() {
  const t = useT(timelimitMessages);
  const view = useTimeLimitPolicies();
  const categories = useCategories();
  const catName = new Map((categories.data?.items ?? []).map((c) => [c.id, c.name]));
  const catOptions = (categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Card title={t('tl.title')} data-testid="TimeLimitAdminPage">
      <Typography.Paragraph type="secondary">{t('tl.note')}</Typography.Paragraph>
      <NewPolicyCard catOptions={catOptions} />
      <Typography.Title level={5}>{t('tl.rules')}</Typography.Title>
      <PolicyTable rules={view.data?.rules ?? []} catName={catName} retirable testId="policy-rules" />
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={12}>
          <EscalationSettingsCard settings={view.data?.settings} />
        </Col>
        <Col span={12}>
          <PresetCard catOptions={catOptions} />
          <LeaderSettingsCard />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('tl.defaults')}
      </Typography.Title>
      <PolicyTable rules={view.data?.defaults ?? []} catName={catName} retirable={false} />
    </Card>
  );
}
