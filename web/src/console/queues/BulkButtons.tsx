import { useState } from 'react';
import { Alert, Button, Form, Input, List, Modal, Space, Tag } from 'antd';
import { useT } from '../../shared/i18n';
import { URGE_NOTE_MAX, type BulkAction, type BulkResultView } from '../../shared/contract';
import { useLang } from '../../shared/i18n';
import { keys } from '../api/keys';
import { useWrite } from '../api/mutation';
import type { Order } from '../api/types';
import { UnitPicker } from '../common/pickers';
import { bulkAct } from './queues-api';
import { queueToolMessages } from './queues.messages';

interface BulkButtonProps {
  action: BulkAction;
  selected: Order[];
  /** Clears the selection after the run. */
  done: () => void;
}

/**
 * 批量签收 / 批量派单 / 批量催办 on the selected orders (POST /api/orders/bulk): each order is its own
 * transition with the version shown here, so the result lists what was done and why the rest was not.
 */
export function BulkButton({ action, selected, done }: BulkButtonProps) {
  const t = useT(queueToolMessages);
  const { lang } = useLang();
  const write = useWrite();
  const [asking, setAsking] = useState(false);
  const [unitId, setUnitId] = useState<string>();
  const [note, setNote] = useState('');
  // 催办 without text is refused under the field (the server would answer 400 on body.note).
  const [noteMissing, setNoteMissing] = useState(false);
  const [result, setResult] = useState<BulkResultView | null>(null);
  const needsInput = action !== 'sign';
  const run = async () => {
    if (action === 'urge' && !note.trim()) return setNoteMissing(true);
    const body = {
      action,
      orders: selected.map((o) => ({ id: o.id, version: o.version })),
      leadUnitId: action === 'dispatch' ? unitId : undefined,
      note: action === 'urge' ? note.trim() : undefined,
    };
    const ran = await write(() => bulkAct(body), {
      success: (r) => t('bulk.done', { ok: r.okCount, refused: r.refusedCount }),
      invalidate: [keys.orders()],
    });
    if (!ran.ok) return;
    setAsking(false);
    setNote('');
    done();
    if (ran.result.refusedCount > 0) setResult(ran.result);
  };
  return (
    <>
      <Button
        size="small"
        type="primary"
        disabled={selected.length === 0}
        data-testid={`bulk-${action}`}
        onClick={() => (needsInput ? setAsking(true) : void run())}
      >
        {t(`bulk.${action}`)}
        {selected.length > 0 && ` (${selected.length})`}
      </Button>
      <Modal
        open={asking}
        title={`${t(`bulk.${action}`)} · ${t('bulk.selected', { n: selected.length })}`}
        onOk={() => void run()}
        okButtonProps={{
          disabled: action === 'dispatch' && !unitId,
          ...({ 'data-testid': `bulk-${action}-ok` } as Record<string, string>),
        }}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        {action === 'dispatch' ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon title={t('bulk.dispatchHint')} />
            <UnitPicker
              dispatchable
              inMyArea
              value={unitId}
              onChange={setUnitId}
              placeholder={t('bulk.unit')}
              testId="bulk-dispatch-unit"
            />
          </Space>
        ) : (
          <Form.Item
            style={{ marginBottom: 0 }}
            validateStatus={noteMissing ? 'error' : undefined}
            help={noteMissing ? <span data-testid="bulk-urge-note-error">{t('bulk.noteRequired')}</span> : undefined}
          >
            <Input.TextArea
              rows={3}
              value={note}
              maxLength={URGE_NOTE_MAX}
              showCount
              placeholder={t('bulk.note')}
              data-testid="bulk-urge-note"
              onChange={(e) => {
                setNote(e.target.value);
                setNoteMissing(false);
              }}
            />
          </Form.Item>
        )}
      </Modal>
      <Modal open={result !== null} title={t('bulk.result')} footer={null} onCancel={() => setResult(null)}>
        <List
          size="small"
          data-testid="bulk-result"
          dataSource={result?.results ?? []}
          renderItem={(r) => (
            <List.Item>
              <Space>
                <span>{r.orderNo ?? r.orderId}</span>
                {r.ok ? (
                  <Tag color="green">{t('bulk.ok')}</Tag>
                ) : (
                  <Tag color="red">{lang === 'en' ? r.reason.en : r.reason.zh}</Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
