import { useState } from 'react';
import { Input, Modal } from 'antd';
import { useT } from '../../shared/i18n';
import { keys } from '../api/keys';
import { useApiMutation } from '../api/mutation';
import { closeSupervision, superviseOrder, urgeOrder } from './timelimits-api';
import { timelimitMessages } from './timelimits.messages';

/** What the board's text dialog does: 催办 or 督办 an order, or close a 督办单 (by its id). */
export interface BoardDialog {
  kind: 'urge' | 'supervise' | 'close';
  id: string;
}

/** The one text the board asks for: the 催办 note, the 督办 reason or the closing note. */
export function BoardTextDialog({ dialog, onClose }: { dialog: BoardDialog | null; onClose: () => void }) {
  const t = useT(timelimitMessages);
  const [text, setText] = useState('');
  const send = useApiMutation(
    () => {
      if (!dialog) throw new Error('no dialog');
      if (dialog.kind === 'urge') return urgeOrder(dialog.id, text);
      if (dialog.kind === 'supervise') return superviseOrder(dialog.id, { reason: text });
      return closeSupervision(dialog.id, text);
    },
    {
      success: t('sup.done'),
      invalidate: [keys.supervisions],
      onSuccess: () => {
        onClose();
        setText('');
      },
    },
  );
  return (
    <Modal
      open={dialog !== null}
      title={dialog ? t(dialog.kind === 'urge' ? 'sup.urge' : dialog.kind === 'supervise' ? 'sup.supervise' : 'sup.close') : ''}
      onCancel={onClose}
      onOk={() => send.mutate()}
      okButtonProps={{ disabled: !text.trim(), loading: send.isPending }}
    >
      <Input.TextArea
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t(dialog?.kind === 'supervise' ? 'sup.reason' : dialog?.kind === 'close' ? 'sup.closeNote' : 'sup.note')}
      />
    </Modal>
  );
}
