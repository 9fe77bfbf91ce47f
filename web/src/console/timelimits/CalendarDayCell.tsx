import { Space, Tag } from 'antd';
import { useT } from '../../shared/i18n';
import { timelimitMessages, type TimelimitMessageKey } from './timelimits.messages';
import type { DayInfo } from '../../shared/contract';

const COLOR: Record<string, string> = {
  statutory_holiday: 'red',
  makeup_workday: 'orange',
  centre_holiday: 'magenta',
  centre_workday: 'blue',
};
const WORK = '#1677ff';
const OFF = '#cf1322';

/** The corner mark of a day that differs from the plain week: 休 (day off) or 班 (working day). */
function Mark({ working, inline = false }: { working: boolean; inline?: boolean }) {
  const t = useT(timelimitMessages);
  return (
    <span
      data-testid="calendar-mark"
      style={{
        float: inline ? undefined : 'right',
        marginRight: inline ? 4 : 0,
        fontSize: 11,
        lineHeight: '16px',
        padding: '0 3px',
        borderRadius: 3,
        color: '#fff',
        background: working ? WORK : OFF,
      }}
    >
      {t(working ? 'cal.mark.work' : 'cal.mark.off')}
    </span>
  );
}

/**
 * One day of the calendar grid. A 调休 working day carries its holiday's name (国庆节) in the official
 * data; shown as is it read like the holiday itself, so it says "国庆节调休上班" and wears 班.
 */
export function CalendarDayCell({ day }: { day: DayInfo }) {
  const t = useT(timelimitMessages);
  const special = day.reason !== 'workday' && day.reason !== 'weekend';
  const reason = t(`reason.${day.reason}` as TimelimitMessageKey);
  const label = day.reason === 'makeup_workday' && day.name ? t('cal.makeupOf', { name: day.name }) : (day.name ?? reason);
  return (
    <div
      title={special ? `${label} · ${reason}` : reason}
      data-testid={`calendar-day-${day.date}`}
      style={{
        border: '1px solid #eee',
        borderRadius: 4,
        padding: 4,
        minHeight: 56,
        background: day.working ? '#fff' : '#fafafa',
      }}
    >
      {special && <Mark working={day.working} />}
      <div style={{ color: day.working ? undefined : OFF }}>{Number(day.date.slice(8))}</div>
      {special && (
        <Tag color={COLOR[day.reason]} style={{ fontSize: 11, whiteSpace: 'normal' }}>
          {label}
        </Tag>
      )}
    </div>
  );
}

/** What 休 and 班 mean, under the grid. */
export function CalendarLegend() {
  const t = useT(timelimitMessages);
  return (
    <Space size="large" wrap data-testid="calendar-legend" style={{ marginBottom: 12 }}>
      <span>
        <Mark working={false} inline />
        {t('cal.legend.off')}
      </span>
      <span>
        <Mark working inline />
        {t('cal.legend.work')}
      </span>
    </Space>
  );
}
