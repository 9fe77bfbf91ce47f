import { Button, Form, Input, Select, Space } from 'antd';
import { useT } from '../../shared/i18n';
import { useApiMutation } from '../api/mutation';
import { useResidents } from '../points/points-api';
import { postWishForResident, wishKeys } from './wishes-api';
import { wishMessages } from './wishes.messages';

/** A grid worker or community staff member posts a resident's wish collected on the rounds (opens at once). */
export function PostWishForm({ onDone }: { onDone: () => void }) {
  const t = useT(wishMessages);
  const residents = useResidents().data?.residents ?? [];
  const post = useApiMutation(postWishForResident, { success: t('posted'), invalidate: [wishKeys.all], onSuccess: onDone });
  return (
    <Form
      layout="vertical"
      onFinish={(v: { residentId: string; title: string; detail: string }) =>
        post.mutate({ residentId: v.residentId, title: v.title.trim(), detail: v.detail.trim() })
      }
      data-testid="wish-post-form"
    >
      <Form.Item name="residentId" label={t('resident')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={residents.map((r) => ({ value: r.id, label: `${r.name} · ${r.unitName}` }))}
          data-testid="wish-post-resident"
        />
      </Form.Item>
      <Form.Item name="title" label={t('wishTitle')} rules={[{ required: true, whitespace: true, max: 40 }]}>
        <Input data-testid="wish-post-title" />
      </Form.Item>
      <Form.Item name="detail" label={t('detail')} rules={[{ required: true, whitespace: true, max: 500 }]}>
        <Input.TextArea rows={3} data-testid="wish-post-detail" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={post.isPending} data-testid="wish-post-save">
          {t('save')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
