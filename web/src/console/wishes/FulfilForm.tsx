import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useT } from '../../shared/i18n';
import { useApiMutation } from '../api/mutation';
import { fulfilWish, wishKeys } from './wishes-api';
import { wishMessages } from './wishes.messages';

const MAX_PHOTO_BYTES = 600 * 1024;

/** The file's bytes as base64 (without the data: prefix), as POST /api/wishes/:id/fulfil takes them. */
const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });

/** The claimer says what was done and adds a proof photo; the resident then confirms. */
export function FulfilForm({ wishId, onDone }: { wishId: string; onDone: () => void }) {
  const t = useT(wishMessages);
  const [photo, setPhoto] = useState<File | null>(null);
  const tooBig = photo !== null && photo.size > MAX_PHOTO_BYTES;
  const fulfil = useApiMutation(
    async (v: { proofText: string }) =>
      fulfilWish(wishId, { proofText: v.proofText.trim(), ...(photo ? { photoBase64: await toBase64(photo) } : {}) }),
    { success: t('fulfilled'), invalidate: [wishKeys.all], onSuccess: onDone },
  );
  return (
    <Form layout="vertical" onFinish={(v: { proofText: string }) => !tooBig && fulfil.mutate(v)} data-testid="wish-fulfil-form">
      <Form.Item name="proofText" label={t('proofText')} rules={[{ required: true, whitespace: true, max: 500 }]}>
        <Input.TextArea rows={3} data-testid="wish-proof-text" />
      </Form.Item>
      <Form.Item label={t('photo')}>
        <input
          type="file"
          accept="image/*"
          onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
          data-testid="wish-proof-photo"
          style={{ maxWidth: '100%' }}
        />
        {photo && !tooBig && <div>{t('photoChosen', { name: photo.name })}</div>}
        {tooBig && <Alert type="error" title={t('photoTooBig')} style={{ marginTop: 8 }} />}
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={fulfil.isPending} disabled={tooBig} data-testid="wish-fulfil-save">
          {t('save')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
