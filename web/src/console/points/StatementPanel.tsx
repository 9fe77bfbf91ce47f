import { useState } from 'react';
import { Col, DatePicker, Row, Space, Statistic, Tag } from 'antd';
import dayjs from 'dayjs';
import { ACTIVITY_KIND_LABELS } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { EntriesTable } from './EntriesTable';
import { useStatement } from './points-api';
import { pointsMessages } from './points.messages';

/** 月度对账单: opening, credits, debits, closing of a month, the credits by activity and the month's entries. */
export function StatementPanel({ residentId }: { residentId: string }) {
  const t = useT(pointsMessages);
  const { lang } = useLang();
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const statement = useStatement(residentId, month);
  const s = statement.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="points-statement">
      <Space>
        <span>{t('month')}</span>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="statement-month"
        />
      </Space>
      {s && (
        <>
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('opening')} value={s.opening} />
            </Col>
            <Col span={6}>
              <Statistic title={t('credits')} value={s.credits} prefix="+" />
            </Col>
            <Col span={6}>
              <Statistic title={t('debits')} value={s.debits} prefix="−" />
            </Col>
            <Col span={6}>
              <Statistic title={t('closing')} value={s.closing} data-testid="statement-closing" />
            </Col>
          </Row>
          {s.byActivity.length > 0 && (
            <div>
              <span style={{ marginRight: 8 }}>{t('byActivity')}</span>
              {s.byActivity.map((a) => (
                <Tag key={a.activityKind}>
                  {ACTIVITY_KIND_LABELS[a.activityKind][lang]} {a.points}
                </Tag>
              ))}
            </div>
          )}
          <EntriesTable entries={s.entries} testId="statement-entries" />
        </>
      )}
    </Space>
  );
}
