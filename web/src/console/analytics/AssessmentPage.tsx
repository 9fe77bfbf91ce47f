import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Empty, Popconfirm, Row, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { keys } from '../api/keys';
import { useWrite } from '../api/mutation';
import { hasRole, useSession } from '../shell/session';
import { excludeOrder, fileAppeal, freezeMonth, useAppeals, useAssessmentHistory, useMonthAssessment } from './analytics-api';
import { analyticsMessages } from './analytics.messages';
import { AppealList } from './AppealList';
import { AssessmentRanking } from './AssessmentRanking';
import { HistoryChart } from './HistoryChart';
import { OrderReasonForm } from './OrderReasonForm';

/** 月度考核: ranking, weights, freeze, 申诉 and exclusions, history (issue 6). */
export function AssessmentPage() {
  const t = useT(analyticsMessages);
  const me = useSession();
  const write = useWrite();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const m = month.format('YYYY-MM');
  const data = useMonthAssessment(m);
  const appeals = useAppeals(m);
  const history = useAssessmentHistory(dayjs().format('YYYY-MM'));
  const canRun = hasRole(me, 'analyst', 'supervisor');
  const isUnitAdmin = hasRole(me, 'unit_admin');
  const run = async (fn: () => Promise<unknown>) => {
    await write(fn, { success: t('as.done'), invalidate: [...keys.assessmentAll] });
  };
  const monthName = month.format(t('as.monthFormat'));
  // The server freezes the month in the URL (the picked one) and only once it is over.
  const monthOver = month.endOf('month').isBefore(dayjs());
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="AssessmentPage">
      <Card
        title={t('as.title')}
        extra={
          <Space>
            <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
            {data.data && (
              <Tag color={data.data.status === 'frozen' ? 'blue' : 'gold'} data-testid="assessment-status">
                {data.data.status === 'frozen'
                  ? t('as.status.frozen', { at: dayjs(data.data.frozenAt).format('YYYY-MM-DD HH:mm') })
                  : t('as.status.draft')}
              </Tag>
            )}
            {canRun && data.data?.status === 'draft' && monthOver && (
              <Popconfirm title={t('as.freezeConfirm', { month: monthName })} onConfirm={() => run(() => freezeMonth(m))}>
                <Button type="primary" data-testid="assessment-freeze">
                  {t('as.freeze', { month: monthName })}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {data.error && <Alert type="error" message={(data.error as Error).message} />}
        <AssessmentRanking assessment={data.data} loading={data.isLoading} />
      </Card>
      <Row gutter={16}>
        <Col span={14}>
          <Card title={t('as.appeals')}>
            <AppealList appeals={appeals.data?.items ?? []} canDecide={canRun && data.data?.status === 'draft'} run={run} />
          </Card>
        </Col>
        <Col span={10}>
          {isUnitAdmin && (
            <OrderReasonForm
              title={t('as.appeal.file')}
              submit={t('as.appeal.submit')}
              onSubmit={(v) => run(() => fileAppeal(v))}
            />
          )}
          {canRun && (
            <OrderReasonForm
              title={t('as.exclude')}
              submit={t('as.exclude.submit')}
              onSubmit={(v) => run(() => excludeOrder(v))}
            />
          )}
        </Col>
      </Row>
      <Card title={t('as.history')}>
        {history.data && history.data.items.length === 0 ? (
          <Empty description={t('as.historyNone')} data-testid="assessment-history-none" />
        ) : (
          <HistoryChart items={history.data?.items ?? []} />
        )}
      </Card>
    </Space>
  );
}
