import { Button, Form, Input, Select, Space } from 'antd';
import { useT } from '../../shared/i18n';
import { useApiMutation } from '../api/mutation';
import { useUnits } from '../api/queries';
import { useSession } from '../shell/session';
import { pointsKeys, registerResident } from './points-api';
import { pointsMessages } from './points.messages';
import { myCommunities } from './points-roles';

interface Values {
  name: string;
  phone?: string;
  unitId: string;
  householdName?: string;
}

/** A resident of one of the user's communities, with or without a phone (verified when its owner signs in). */
export function RegisterResidentForm({ onDone }: { onDone: () => void }) {
  const t = useT(pointsMessages);
  const me = useSession();
  const communities = myCommunities(useUnits().data?.items ?? [], me.unitId);
  const save = useApiMutation(registerResident, { success: t('registered'), invalidate: [pointsKeys.all], onSuccess: onDone });
  const submit = (v: Values) =>
    save.mutate({
      name: v.name.trim(),
      unitId: v.unitId,
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.householdName?.trim() ? { householdName: v.householdName.trim() } : {}),
    });
  return (
    <Form layout="vertical" onFinish={submit} data-testid="resident-form">
      <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
        <Input data-testid="resident-name" />
      </Form.Item>
      <Form.Item name="unitId" label={t('community')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={communities.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="resident-unit"
        />
      </Form.Item>
      <Form.Item name="phone" label={t('phone')} rules={[{ pattern: /^[+0-9 -]{5,20}$/ }]}>
        <Input inputMode="tel" maxLength={20} data-testid="resident-phone" />
      </Form.Item>
      <Form.Item name="householdName" label={t('householdNew')} rules={[{ max: 60 }]}>
        <Input data-testid="resident-household" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="resident-save">
          {t('save')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
