import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { VERIFICATION_RESULTS, type VerificationResult } from '../../../../src/contract/geo';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { answerTask, gridKeys, uploadTaskPhoto, type Task } from './grid-api';
import { gridMessages } from './grid.messages';
import { clockWords } from './grid-words';
import { CameraButton, FileThumbs } from './PhotoInput';
import { PositionLine } from './PositionLine';
import { useNow } from './TaskList';
import type { Position } from './geolocation';

/** The server flags an answer farther than this (LIANXIN_VERIFY_FAR_METRES' default); the page only warns. */
const FAR_METRES = 500;

/**
 * One task, answered from the site: result, note, a photo from the back camera and the phone's
 * position. Without a position (refused, unavailable) it is still answerable, sent as "no position".
 * The photo is uploaded through the task first, then named in the answer.
 */
export function TaskAnswer(props: { task: Task; position: Position; retry: () => void; onDone: () => void }) {
  const t = useT(gridMessages);
  const write = useWrite();
  const now = useNow();
  const { task, position } = props;
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const clock = clockWords(t, task.dueAt, now);

  async function submit() {
    if (!result) return;
    setBusy(true);
    const point = position.state === 'ok' ? position.point : {};
    const done = await write(
      async () => {
        const photoId = photo ? (await uploadTaskPhoto(task.id, photo)).id : undefined;
        return answerTask(task.id, { result, note: note.trim() || undefined, photoId, ...point });
      },
      { success: t('answer.done'), invalidate: [gridKeys.tasks] },
    );
    setBusy(false);
    if (done.ok) props.onDone();
  }

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="grid-answer">
      <Button onClick={props.onDone} data-testid="grid-answer-back">
        ← {t('task.back')}
      </Button>
      <Card size="small">
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {task.orderTitle}
          </Typography.Text>
          <Typography.Text type="secondary">
            {task.orderNo} · {task.gridName}
          </Typography.Text>
          {task.address && <Typography.Text>{task.address}</Typography.Text>}
          {task.requestNote && <Typography.Text>{t('task.request', { note: task.requestNote })}</Typography.Text>}
          <Typography.Text style={{ color: clock.colour === 'green' ? undefined : clock.colour }}>{clock.text}</Typography.Text>
        </Space>
      </Card>
      <PositionLine position={position} retry={props.retry} site={task.point} farMetres={FAR_METRES} />
      <div>
        <Typography.Text strong>{t('answer.result')}</Typography.Text>
        <Radio.Group
          value={result}
          onChange={(e) => setResult(e.target.value as VerificationResult)}
          optionType="button"
          buttonStyle="solid"
          size="large"
          style={{ display: 'flex', marginTop: 8 }}
          data-testid="grid-answer-result"
        >
          {VERIFICATION_RESULTS.map((r) => (
            <Radio.Button key={r} value={r} style={{ flex: 1, textAlign: 'center', height: 48, lineHeight: '46px', padding: 0 }}>
              {t(`result.${r}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </div>
      <div>
        <Typography.Text strong>{t('answer.note')}</Typography.Text>
        <Input.TextArea
          rows={3}
          value={note}
          maxLength={2000}
          placeholder={t('answer.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          style={{ marginTop: 8, fontSize: 16 }}
          data-testid="grid-answer-note"
        />
      </div>
      <div>
        <Typography.Text strong>{t('answer.photo')}</Typography.Text>
        <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
          <CameraButton accept="image/*" capture testId="grid-answer-photo" onFiles={(files) => setPhoto(files[0] ?? null)}>
            <CameraOutlined /> {photo ? t('answer.retakePhoto') : t('answer.takePhoto')}
          </CameraButton>
        </div>
        {photo && (
          <div style={{ marginTop: 8 }}>
            <FileThumbs files={[photo]} videoWord={t('video')} brokenWord={t('notPicture')} />
          </div>
        )}
      </div>
      {position.state !== 'ok' && position.state !== 'locating' && <Alert type="info" message={t('answer.noPosition')} />}
      <Button
        type="primary"
        size="large"
        block
        style={{ height: 52 }}
        disabled={!result}
        loading={busy}
        onClick={() => void submit()}
        data-testid="grid-answer-submit"
      >
        {result ? t('answer.submit') : t('answer.pickResult')}
      </Button>
    </Space>
  );
}
