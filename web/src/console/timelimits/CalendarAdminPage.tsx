import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { keys } from '../api/keys';
import { useApiMutation } from '../api/mutation';
import { useT } from '../../shared/i18n';
import { timelimitMessages } from './timelimits.messages';
import { CalendarDayCell, CalendarLegend } from './CalendarDayCell';
import { deleteOverride, saveOverride, saveWorkPeriods, useCalendarMonth, useCalendarOverrides } from './timelimits-api';
import type { CalendarOverrideView, DayInfo } from '../../shared/contract';

/** The centre's working calendar: a month grid, its own overrides, and working hours (admin edits). */
export function CalendarAdminPage() {
  const t = useT(timelimitMessages);
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const key = month.format('YYYY-MM');
  const view = useCalendarMonth(key);
  const overrides = useCalendarOverrides();
  const [day, setDay] = useState<Dayjs | null>(null);
  const [working, setWorking] = useState(false);
  const [name, setName] = useState('');
  const [hours, setHours] = useState<string | null>(null);
  const invalidate = [keys.calendar(), keys.calendarOverrides];
  const save = useApiMutation(() => saveOverride(day!.format('YYYY-MM-DD'), { working, name }), {
    success: () => t('cal.saved', { day: day!.format('YYYY-MM-DD') }),
    invalidate,
  });
  const remove = useApiMutation(deleteOverride, { invalidate });
  const saveHours = useApiMutation(saveWorkPeriods, { success: t('cal.hoursSaved'), invalidate });
  const days = view.data?.days ?? [];
  const lead = days.length > 0 ? (dayjs(days[0].date).day() + 6) % 7 : 0;
  const cells: (DayInfo | null)[] = [...Array(lead).fill(null), ...days];
  const year = month.year();
  return (
    <Card title={t('cal.title')} data-testid="CalendarAdminPage">
      <Typography.Paragraph type="secondary">
        {t('cal.note', { tz: view.data?.timezone ?? 'Asia/Shanghai' })}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('cal.month')}</span>
        <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
        <span>{t('cal.hours')}</span>
        <Input
          style={{ width: 240 }}
          value={hours ?? view.data?.workPeriods ?? ''}
          onChange={(e) => setHours(e.target.value)}
          data-testid="work-periods"
        />
        <Button onClick={() => hours && saveHours.mutate(hours)} disabled={!hours}>
          {t('cal.hoursSave')}
        </Button>
      </Space>
      {view.data && !view.data.coveredYears.includes(year) && (
        <Alert type="warning" showIcon title={t('cal.notCovered', { year })} />
      )}
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4, maxWidth: 760, margin: '12px 0' }}
        data-testid="calendar-grid"
      >
        {['一', '二', '三', '四', '五', '六', '日'].map((d) => (
          <div key={d} style={{ textAlign: 'center', fontWeight: 600 }}>
            {d}
          </div>
        ))}
        {cells.map((d, i) => (d === null ? <div key={`e${i}`} /> : <CalendarDayCell key={d.date} day={d} />))}
      </div>
      <CalendarLegend />
      <Card size="small" title={t('cal.overrides')}>
        <Space wrap style={{ marginBottom: 8 }}>
          <DatePicker value={day} onChange={setDay} placeholder={t('cal.day')} />
          <Switch checked={working} onChange={setWorking} checkedChildren={t('cal.working')} unCheckedChildren={t('cal.off')} />
          <Input placeholder={t('cal.name')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 200 }} />
          <Button type="primary" disabled={!day || !name.trim()} loading={save.isPending} onClick={() => save.mutate()}>
            {t('cal.addOverride')}
          </Button>
        </Space>
        <Table
          size="small"
          rowKey="day"
          pagination={false}
          dataSource={overrides.data?.items ?? []}
          columns={[
            { title: t('cal.day'), dataIndex: 'day' },
            { title: t('cal.name'), dataIndex: 'name' },
            {
              title: '',
              dataIndex: 'working',
              render: (w: boolean) =>
                w ? <Tag color="blue">{t('cal.working')}</Tag> : <Tag color="magenta">{t('cal.off')}</Tag>,
            },
            {
              title: '',
              key: 'x',
              render: (_: unknown, o: CalendarOverrideView) => (
                <Button size="small" danger onClick={() => remove.mutate(o.day)}>
                  {t('cal.delete')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Card>
  );
}
