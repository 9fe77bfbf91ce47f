import { useMemo } from 'react';
import { Alert, Card, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { keys, useRegions, useSubCentres } from '../api/queries';
import { useWrite } from '../api/mutation';
import type { RegionNode } from '../api/types';
import { buildTree } from '../common/tree';
import { setSubCentreRegion, setSubCentreRouting } from './admin-api';
import { adminMessages } from './admin.messages';

/**
 * 分中心 (ADR 0110) for the centre's admin: the 13 desks, the region subtree each owns (its region and
 * the regions below it), and the switch that routes intake to them by region.
 */
export function SubCentresAdminPage() {
  const t = useT(adminMessages);
  const desks = useSubCentres();
  const regions = useRegions().data?.items ?? [];
  const write = useWrite();
  const invalidate = [keys.subCentres];
  const below = useMemo(() => regionsBelow(regions), [regions]);
  const tree = useMemo(() => buildTree(regions), [regions]);
  const data = desks.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('subCentres.title')} data-testid="sub-centres-admin">
        <Space align="center" size={12}>
          <Switch
            checked={data?.routeToSubCentres ?? false}
            loading={!data}
            data-testid="sub-centres-routing"
            onChange={(on) =>
              void write(() => setSubCentreRouting(on), {
                success: on ? t('subCentres.routingOn') : t('subCentres.routingOff'),
                invalidate,
              })
            }
          />
          <Typography.Text strong>{t('subCentres.routing')}</Typography.Text>
        </Space>
        <Alert
          style={{ marginTop: 12 }}
          type={data?.routeToSubCentres ? 'info' : 'warning'}
          showIcon
          data-testid="sub-centres-routing-hint"
          message={data?.routeToSubCentres ? t('subCentres.routingOnHint') : t('subCentres.routingOffHint')}
        />
      </Card>
      <Card title={t('subCentres.list', { count: data?.items.length ?? 0 })}>
        <Table
          rowKey="id"
          size="small"
          loading={!data}
          pagination={false}
          dataSource={data?.items ?? []}
          data-testid="sub-centres-table"
          onRow={(r) => ({ 'data-testid': `sub-centre-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('subCentres.name'), dataIndex: 'name', width: 220 },
            {
              title: t('subCentres.state'),
              dataIndex: 'active',
              width: 90,
              render: (active: boolean) =>
                active ? <Tag color="green">{t('units.activeYes')}</Tag> : <Tag>{t('units.activeNo')}</Tag>,
            },
            {
              title: t('subCentres.region'),
              key: 'region',
              width: 240,
              render: (_, r) => (
                <TreeSelect
                  style={{ width: '100%' }}
                  value={r.regionId ?? undefined}
                  placeholder={t('subCentres.noRegion')}
                  treeData={tree}
                  showSearch
                  treeNodeFilterProp="title"
                  allowClear
                  data-testid={`sub-centre-region-${r.name}`}
                  onChange={(regionId?: string) =>
                    void write(() => setSubCentreRegion(r.id, regionId ?? null), {
                      success: t('subCentres.regionSaved', { name: r.name }),
                      invalidate,
                    })
                  }
                />
              ),
            },
            {
              title: t('subCentres.subtree'),
              key: 'subtree',
              render: (_, r) => {
                const names = r.regionId ? (below.get(r.regionId) ?? []) : [];
                if (!r.regionId) return <Typography.Text type="secondary">{t('subCentres.noRegionHint')}</Typography.Text>;
                if (names.length === 0) return <Typography.Text type="secondary">{t('subCentres.subtreeNone')}</Typography.Text>;
                return (
                  <span data-testid={`sub-centre-subtree-${r.name}`}>
                    <Typography.Text type="secondary">{t('subCentres.subtreeCount', { count: names.length })}</Typography.Text>{' '}
                    {names.map((n) => (
                      <Tag key={n} style={{ marginBottom: 4 }}>
                        {n}
                      </Tag>
                    ))}
                  </span>
                );
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** For each region, the names of every region below it (the subtree a desk owning it routes). */
function regionsBelow(regions: RegionNode[]): Map<string, string[]> {
  const children = new Map<string, RegionNode[]>();
  for (const r of regions) {
    if (!r.parentId) continue;
    children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  }
  const collect = (id: string): string[] => (children.get(id) ?? []).flatMap((c) => [c.name, ...collect(c.id)]);
  return new Map(regions.map((r) => [r.id, collect(r.id)]));
}
