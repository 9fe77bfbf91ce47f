import { limitInWords, type AppealType, type LimitUnit } from '../../shared/contract';
import { Button, Table } from 'antd';
import { keys } from '../api/keys';
import { useApiMutation } from '../api/mutation';
import { useLang, useT } from '../../shared/i18n';
import { timelimitMessages, type TimelimitMessageKey } from './timelimits.messages';
import { retirePolicy, type Rule } from './timelimits-api';

interface PolicyTableProps {
  rules: readonly Rule[];
  catName: Map<string, string>;
  /** The centre's own rules may be retired; the built-in defaults may not. */
  retirable: boolean;
  testId?: string;
}

/** A table of time-limit rules: the centre's (with 停用) or the built-in defaults. */
export function PolicyTable({ rules, catName, retirable, testId }: PolicyTableProps) {
  const t = useT(timelimitMessages);
  const tk = (k: string) => t(k as TimelimitMessageKey);
  const { lang } = useLang();
  const retire = useApiMutation(retirePolicy, { invalidate: [keys.timeLimitPolicies] });
  const any = <span style={{ color: '#999' }}>{t('tl.any')}</span>;
  const columns = [
    { title: t('tl.stage'), dataIndex: 'stage', render: (s: string) => tk(`stage.${s}`) },
    {
      title: t('tl.appealType'),
      key: 'type',
      render: (_: unknown, r: Rule) => {
        const type = r.appeal_type ?? r.appealType;
        return type ? tk(`appealType.${type as AppealType}`) : any;
      },
    },
    { title: t('tl.priority'), dataIndex: 'priority', render: (p: number | null) => p ?? any },
    {
      title: t('tl.category'),
      key: 'cat',
      render: (_: unknown, r: Rule) => {
        const c = r.category_id ?? r.categoryId;
        return c ? (catName.get(c) ?? c) : any;
      },
    },
    { title: t('tl.amount'), key: 'amount', render: (_: unknown, r: Rule) => limitInWords(r.amount, r.unit as LimitUnit, lang) },
    { title: t('tl.rule.note'), dataIndex: 'note' },
    ...(retirable
      ? [
          {
            title: '',
            key: 'x',
            render: (_: unknown, r: Rule) => (
              <Button size="small" danger onClick={() => r.id && retire.mutate(r.id)}>
                {t('tl.retire')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table
      size="small"
      rowKey={retirable ? 'id' : (r: Rule) => `${r.stage}-${r.priority}-${r.appealType}`}
      pagination={false}
      dataSource={rules}
      columns={columns}
      data-testid={testId}
    />
  );
}
