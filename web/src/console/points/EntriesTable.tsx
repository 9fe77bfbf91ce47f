import { Button, Table, Typography } from 'antd';
import { ACTIVITY_KIND_LABELS, ENTRY_KIND_LABELS, type PointsEntryView } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { pointsMessages } from './points.messages';

/** Ledger entries as written (never edited): kind and activity, signed points, running balance, evidence. */
export function EntriesTable(props: { entries: PointsEntryView[]; onCorrect?: (e: PointsEntryView) => void; testId: string }) {
  const t = useT(pointsMessages);
  const { lang } = useLang();
  const seqOf = new Map(props.entries.map((e) => [e.id, e.seq]));
  const detail = (e: PointsEntryView) => {
    const parts = [e.itemName, e.note, e.evidence].filter(Boolean).join(' · ');
    const corrects = e.correctsEntryId ? t('corrects', { seq: seqOf.get(e.correctsEntryId) ?? '?' }) : '';
    return [corrects, parts].filter(Boolean).join(' · ') || '—';
  };
  return (
    <Table<PointsEntryView>
      rowKey="id"
      size="small"
      dataSource={props.entries}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      locale={{ emptyText: t('noEntries') }}
      scroll={{ x: 720 }}
      data-testid={props.testId}
      columns={[
        { title: '#', dataIndex: 'seq', width: 56 },
        { title: t('at'), width: 140, render: (_, e) => formatTime(e.at) },
        {
          title: t('kind'),
          width: 150,
          render: (_, e) =>
            e.activityKind
              ? `${ENTRY_KIND_LABELS[e.kind][lang]} · ${ACTIVITY_KIND_LABELS[e.activityKind][lang]}`
              : ENTRY_KIND_LABELS[e.kind][lang],
        },
        {
          title: t('points'),
          width: 70,
          align: 'right',
          render: (_, e) => (
            <Typography.Text type={e.points < 0 ? 'danger' : 'success'}>
              {e.points > 0 ? `+${e.points}` : e.points}
            </Typography.Text>
          ),
        },
        { title: t('after'), dataIndex: 'balanceAfter', width: 70, align: 'right' },
        { title: t('detail'), ellipsis: true, render: (_, e) => <span title={detail(e)}>{detail(e)}</span> },
        { title: t('by'), width: 110, ellipsis: true, render: (_, e) => e.byName ?? '—' },
        ...(props.onCorrect
          ? [
              {
                title: '',
                width: 70,
                render: (_: unknown, e: PointsEntryView) =>
                  e.kind === 'redemption' ? null : (
                    <Button size="small" onClick={() => props.onCorrect?.(e)} data-testid={`entry-correct-${e.seq}`}>
                      {t('correct')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
