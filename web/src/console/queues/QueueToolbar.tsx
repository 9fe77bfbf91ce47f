import { useState, type ReactNode } from 'react';
import { Button, Input, Modal, Select, Space } from 'antd';
import { useT } from '../../shared/i18n';
import type { QueueColumn, QueueName, SavedFilterQuery } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { ColumnChooser } from './ColumnChooser';
import { deleteFilter, queueKeys, saveFilter, useSavedFilters } from './queues-api';
import { queueToolMessages } from './queues.messages';

interface QueueToolbarProps {
  queue: QueueName;
  filter: SavedFilterQuery;
  onFilter: (filter: SavedFilterQuery) => void;
  columns: QueueColumn[] | null;
  testId: string;
  /** Bulk buttons, shown at the right. */
  children?: ReactNode;
}

/** Keyword and warning filters, the person's saved filters of this queue, column choice, bulk buttons. */
export function QueueToolbar({ queue, filter, onFilter, columns, testId, children }: QueueToolbarProps) {
  const t = useT(queueToolMessages);
  const write = useWrite();
  const saved = useSavedFilters(queue);
  const [naming, setNaming] = useState<string | null>(null);
  const save = async () => {
    const name = naming?.trim();
    if (!name) return;
    const done = await write(() => saveFilter(queue, name, filter), {
      success: t('filter.saved.ok'),
      invalidate: [queueKeys.filters(queue)],
    });
    if (done.ok) setNaming(null);
  };
  return (
    <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
      <Space wrap>
        <Input.Search
          allowClear
          size="small"
          style={{ width: 180 }}
          placeholder={t('filter.keyword')}
          defaultValue={filter.q}
          key={filter.q ?? ''}
          data-testid={`${testId}-keyword`}
          onSearch={(q) => onFilter({ ...filter, q: q.trim() || undefined })}
        />
        <Select
          size="small"
          style={{ width: 96 }}
          value={filter.warning ?? 'all'}
          data-testid={`${testId}-warning`}
          onChange={(v: 'all' | 'yellow' | 'red') => onFilter({ ...filter, warning: v === 'all' ? undefined : v })}
          options={(['all', 'yellow', 'red'] as const).map((v) => ({ value: v, label: t(`filter.warning.${v}`) }))}
        />
        <Select
          size="small"
          style={{ width: 160 }}
          placeholder={t('filter.saved')}
          data-testid={`${testId}-saved`}
          value={null}
          onChange={(id: string) => {
            const f = saved.data?.items.find((s) => s.id === id);
            if (f) onFilter(f.query);
          }}
          options={saved.data?.items.map((f) => ({ value: f.id, label: f.name }))}
          optionRender={(o) => (
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <span data-testid={`${testId}-saved-${o.label as string}`}>{o.label}</span>
              <Button
                size="small"
                type="text"
                aria-label={t('filter.delete')}
                onClick={(e) => {
                  e.stopPropagation();
                  void write(() => deleteFilter(queue, o.value as string), { invalidate: [queueKeys.filters(queue)] });
                }}
              >
                ×
              </Button>
            </Space>
          )}
        />
        <Button size="small" data-testid={`${testId}-save-filter`} onClick={() => setNaming('')}>
          {t('filter.save')}
        </Button>
        <ColumnChooser queue={queue} columns={columns} testId={testId} />
      </Space>
      <Space wrap>{children}</Space>
      <Modal
        open={naming !== null}
        title={t('filter.save')}
        onOk={() => void save()}
        onCancel={() => setNaming(null)}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={40}
          placeholder={t('filter.name')}
          value={naming ?? ''}
          data-testid={`${testId}-filter-name`}
          onChange={(e) => setNaming(e.target.value)}
          onPressEnter={() => void save()}
        />
      </Modal>
    </Space>
  );
}
