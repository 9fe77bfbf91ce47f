import { useState } from 'react';
import { Button, Empty, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { POINTS_CONFIG_ROLES, type ShopItemView, type ShopView } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useApiMutation, useWrite } from '../api/mutation';
import { useUnits } from '../api/queries';
import { hasRole, useSession } from '../shell/session';
import { addShop, addShopItem, pointsKeys, restockItem, useShops } from './points-api';
import { pointsMessages } from './points.messages';
import { isPointsStaff, myCommunities } from './points-roles';

type Adding = { shop: ShopView } | 'shop' | null;

/** 爱心超市: each shop in reach with its goods and stock; staff restock, the shop's admin adds goods and shops. */
export function ShopsTab() {
  const t = useT(pointsMessages);
  const me = useSession();
  const configures = hasRole(me, ...POINTS_CONFIG_ROLES);
  const restocks = configures || isPointsStaff(me);
  const shops = useShops();
  const write = useWrite();
  const [adding, setAdding] = useState<Adding>(null);
  const restock = (i: ShopItemView) =>
    write(() => restockItem(i.id, 10), { success: (r) => t('restocked', { stock: r.stock }), invalidate: [pointsKeys.shops] });
  const list = shops.data?.shops ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {configures && (
        <Button onClick={() => setAdding('shop')} data-testid="shop-add">
          {t('addShop')}
        </Button>
      )}
      {list.length === 0 && !shops.isLoading && <Empty description={t('shopEmpty')} />}
      {list.map((s) => (
        <div key={s.id} data-testid="shop">
          <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap>
            <strong>
              {s.name} · {s.unitName}
            </strong>
            {configures && (
              <Button size="small" onClick={() => setAdding({ shop: s })} data-testid="shop-item-add">
                {t('addItem')}
              </Button>
            )}
          </Space>
          <Table<ShopItemView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={s.items}
            columns={[
              { title: t('itemName'), dataIndex: 'name' },
              { title: t('cost'), dataIndex: 'cost', width: 100, align: 'right' },
              { title: t('stock'), dataIndex: 'stock', width: 100, align: 'right' },
              ...(restocks
                ? [
                    {
                      title: '',
                      width: 100,
                      render: (_: unknown, i: ShopItemView) => (
                        <Button size="small" onClick={() => void restock(i)}>
                          {`${t('restock')} +10`}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      ))}
      <Modal
        open={adding !== null}
        title={adding === 'shop' ? t('addShop') : t('addItem')}
        footer={null}
        destroyOnHidden
        onCancel={() => setAdding(null)}
      >
        {adding === 'shop' && <ShopForm onDone={() => setAdding(null)} />}
        {adding !== null && adding !== 'shop' && <ItemForm shop={adding.shop} onDone={() => setAdding(null)} />}
      </Modal>
    </Space>
  );
}

function ShopForm({ onDone }: { onDone: () => void }) {
  const t = useT(pointsMessages);
  const me = useSession();
  const units = useUnits().data?.items ?? [];
  // the system administrator opens a shop in any community; a unit admin in their own subtree
  const options = (
    hasRole(me, 'admin') ? units.filter((u) => u.kind === 'village' || u.kind === 'town') : myCommunities(units, me.unitId)
  ).map((u) => ({ value: u.id, label: u.name }));
  const save = useApiMutation(addShop, { success: t('saved'), invalidate: [pointsKeys.shops], onSuccess: onDone });
  return (
    <Form layout="vertical" onFinish={save.mutate}>
      <Form.Item name="name" label={t('shopName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="unitId" label={t('shopUnit')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={options} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('save')}
      </Button>
    </Form>
  );
}

function ItemForm({ shop, onDone }: { shop: ShopView; onDone: () => void }) {
  const t = useT(pointsMessages);
  const save = useApiMutation((v: { name: string; cost: number; stock: number }) => addShopItem(shop.id, v), {
    success: t('saved'),
    invalidate: [pointsKeys.shops],
    onSuccess: onDone,
  });
  return (
    <Form layout="vertical" initialValues={{ stock: 10 }} onFinish={save.mutate}>
      <Form.Item name="name" label={t('itemName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <Space>
        <Form.Item name="cost" label={t('cost')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="stock" label={t('stock')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Space>
      <div>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('save')}
        </Button>
      </div>
    </Form>
  );
}
