import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useOrderQueues } from '../api/queries';
import { queueMessages } from '../common/queues.messages';
import { useSession } from '../shell/session';
import { UnitKpis } from './UnitKpis';

const FIGURES = {
  toSign: { state: 'dispatched', limit: 200 },
  handling: { state: 'handling,extension_requested', limit: 200 },
  returns: { state: 'return_requested', limit: 200 },
  replied: { state: 'replied,visiting', limit: 200 },
  closed: { state: 'closed', limit: 200 },
} as const;

/** The unit admin's glance at the unit: open work by stage (monthly scores live on the assessment page). */
export function UnitFigures() {
  const q = useT(queueMessages);
  const lists = useOrderQueues(FIGURES);
  const me = useSession();
  return (
    <Card title={q('unit.figures')} size="small" data-testid="unit-figures">
      <Row gutter={16}>
        {(Object.keys(FIGURES) as (keyof typeof FIGURES)[]).map((key) => {
          const data = lists[key].data;
          const value = data ? (data.hasMore ? q('count.more', { n: data.items.length }) : data.items.length) : '—';
          return (
            <Col key={key} span={4}>
              <Statistic title={q(`unit.${key}`)} value={value} />
            </Col>
          );
        })}
      </Row>
      <Typography.Paragraph type="secondary">{q('unit.figuresNote')}</Typography.Paragraph>
      <UnitKpis unitId={me.unitId} />
    </Card>
  );
}
