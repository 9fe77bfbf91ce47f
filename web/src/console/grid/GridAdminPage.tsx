import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import type { GeoPoint, GridEditAnswer, GridShape, GridView } from '../../../../src/contract/geo';
import { useT } from '../../shared/i18n';
import { GeoMap } from '../../shared/map/GeoMap';
import type { Box } from '../../shared/map/map-types';
import { useRegions } from '../api/queries';
import { useWrite } from '../api/mutation';
import { formatTime } from '../common/tags';
import { useGridShapes } from '../map/map-api';
import { useSession } from '../shell/session';
import { gridAdminMessages } from './grid-admin.messages';
import { createGrid, editGrid, mergeGrids, splitGrid, useGridList, useGridVersions, useRefreshGrids } from './grid-api';
import { GridImportPage } from './GridImportPage';

type Mode = 'select' | 'draw' | 'redraw' | 'split';

/** "lng,lat" per line → points; the numbers of the lines that are not. */
export function parseCorners(text: string): { points: GeoPoint[]; bad: number[] } {
  const points: GeoPoint[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const [lng, lat, extra] = line
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map(Number);
    if (extra !== undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) bad.push(i + 1);
    else points.push({ lng: lng!, lat: lat! });
  });
  return { points, bad };
}

const ringOf = (points: GeoPoint[]) => [...points, points[0]!].map((p) => [p.lng, p.lat]);

function boxOf(shapes: readonly GridShape[]): Box | null {
  if (shapes.length === 0) return null;
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of shapes)
    for (const polygon of s.geometry.coordinates)
      for (const [x, y] of polygon[0] ?? []) {
        b[0] = Math.min(b[0], x!);
        b[1] = Math.min(b[1], y!);
        b[2] = Math.max(b[2], x!);
        b[3] = Math.max(b[3], y!);
      }
  return b;
}

/**
 * /admin/grids — 网格管理 (issue 18, ADR 0207): the grids on a map and in a list; pick one to rename it,
 * move it to another street, redraw it, split it by a line drawn on the map, or pick two neighbours to
 * merge them; draw a new grid corner by corner (clicks, or typed coordinates). Every save is a new
 * version on the server, which refuses crossing edges, overlaps and unknown streets by name; below,
 * the import of a grid platform's file.
 */
export function GridAdminPage() {
  const t = useT(gridAdminMessages);
  const me = useSession();
  const write = useWrite();
  const list = useGridList();
  const shapes = useGridShapes();
  const regions = useRegions().data?.items ?? [];
  const [mode, setMode] = useState<Mode>('select');
  const [picked, setPicked] = useState<string[]>([]);
  const [corners, setCorners] = useState('');
  const [form] = Form.useForm<{ code: string; name: string; regionId: string }>();
  const [editForm] = Form.useForm<{ name: string; regionId: string }>();
  const [splitForm] = Form.useForm<{ code: string; name: string }>();

  const grids = list.data?.items ?? [];
  const byId = useMemo(() => new Map(grids.map((g) => [g.id, g])), [grids]);
  const first = picked[0] ? byId.get(picked[0]) : undefined;
  const second = picked[1] ? byId.get(picked[1]) : undefined;
  const allShapes = shapes.data?.items ?? [];
  const pickedShapes = allShapes.filter((s) => picked.includes(s.id));
  const fitBox = useMemo(() => boxOf(pickedShapes.length ? pickedShapes : allShapes), [pickedShapes, allShapes]);
  const { points, bad } = parseCorners(corners);
  const sketch = mode === 'select' ? null : { points, closed: mode !== 'split' };
  const versions = useGridVersions(picked.length === 1 ? picked[0]! : null);
  const towns = regions.filter((r) => r.level >= 2).map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` }));
  const regionName = (id: string) => regions.find((r) => r.id === id)?.name ?? id;

  const refresh = useRefreshGrids();
  const saved = (a: GridEditAnswer) => t('saved', { grids: a.grids.map((g) => `${g.code} v${g.version}`).join('、') });
  async function save<R extends GridEditAnswer>(call: () => Promise<R>, after?: (r: R) => void) {
    const done = await write(call, { success: saved });
    if (!done.ok) return;
    await refresh();
    setCorners('');
    setMode('select');
    after?.(done.result);
  }

  const pick = (id: string) => {
    if (mode !== 'select') return;
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  };
  const start = (m: Mode) => {
    setCorners('');
    setMode(m);
    if (m === 'draw') setPicked([]);
  };
  const addCorner = (p: GeoPoint) => {
    if (mode === 'select') return;
    setCorners((c) => `${c}${c && !c.endsWith('\n') ? '\n' : ''}${p.lng.toFixed(6)},${p.lat.toFixed(6)}\n`);
  };

  const cornerField = (
    <Form.Item label={t('corners')} extra={mode === 'split' ? t('lineHint') : t('cornersHint')}>
      <Input.TextArea
        rows={5}
        value={corners}
        onChange={(e) => setCorners(e.target.value)}
        data-testid="grid-corners"
        style={{ fontFamily: 'monospace' }}
      />
      {bad.length > 0 && <Typography.Text type="danger">{t('badCorners', { lines: bad.join('、') })}</Typography.Text>}
      <Button size="small" onClick={() => setCorners('')} style={{ marginTop: 4 }}>
        {t('clear')}
      </Button>
    </Form.Item>
  );

  const panel = (() => {
    if (mode === 'draw')
      return (
        <Form
          form={form}
          layout="vertical"
          data-testid="grid-draw-form"
          onFinish={(v) =>
            void save(
              () => createGrid({ ...v, geometry: { type: 'Polygon', coordinates: [ringOf(points)] } }),
              (r) => setPicked([r.grids[0]!.id]),
            )
          }
        >
          <Form.Item name="code" label={t('code')} rules={[{ required: true, max: 64 }]}>
            <Input data-testid="grid-draw-code" />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="grid-draw-name" />
          </Form.Item>
          <Form.Item name="regionId" label={t('town')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={towns} data-testid="grid-draw-town" />
          </Form.Item>
          {cornerField}
          <Space>
            <Button type="primary" htmlType="submit" disabled={points.length < 3 || bad.length > 0} data-testid="grid-draw-save">
              {t('save')}
            </Button>
            <Button onClick={() => start('select')}>{t('cancel')}</Button>
          </Space>
        </Form>
      );
    if (mode === 'redraw' && first)
      return (
        <Form layout="vertical">
          <Typography.Title level={5}>{`${first.code} ${first.name}`}</Typography.Title>
          {cornerField}
          <Space>
            <Button
              type="primary"
              disabled={points.length < 3 || bad.length > 0}
              data-testid="grid-redraw-save"
              onClick={() =>
                void save(() =>
                  editGrid(first.id, { version: first.version, geometry: { type: 'Polygon', coordinates: [ringOf(points)] } }),
                )
              }
            >
              {t('saveOutline')}
            </Button>
            <Button onClick={() => start('select')}>{t('cancel')}</Button>
          </Space>
        </Form>
      );
    if (mode === 'split' && first)
      return (
        <Form
          form={splitForm}
          layout="vertical"
          data-testid="grid-split-form"
          onFinish={(v) =>
            void save(
              () => splitGrid(first.id, { version: first.version, line: points.map((p) => [p.lng, p.lat]), ...v }),
              (r) => setPicked(r.grids.map((g) => g.id)),
            )
          }
        >
          <Typography.Title level={5}>{`${first.code} ${first.name}`}</Typography.Title>
          {cornerField}
          <Form.Item name="code" label={t('newCode')} rules={[{ required: true, max: 64 }]}>
            <Input data-testid="grid-split-code" />
          </Form.Item>
          <Form.Item name="name" label={t('newName')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="grid-split-name" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" disabled={points.length < 2 || bad.length > 0} data-testid="grid-split-save">
              {t('splitDo')}
            </Button>
            <Button onClick={() => start('select')}>{t('cancel')}</Button>
          </Space>
        </Form>
      );
    if (first && second)
      return (
        <Space orientation="vertical">
          <Typography.Text>{t('mergeHint', { first: first.code, second: second.code })}</Typography.Text>
          <Button
            type="primary"
            data-testid="grid-merge"
            onClick={() =>
              void save(
                () => mergeGrids(first.id, { version: first.version, otherId: second.id, otherVersion: second.version }),
                (r) => setPicked([r.grids[0]!.id]),
              )
            }
          >
            {t('merge')}
          </Button>
        </Space>
      );
    if (first)
      return (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="grid-picked">
          <Typography.Title level={5}>{`${first.code} ${first.name}`}</Typography.Title>
          <Form
            form={editForm}
            key={`${first.id}-${first.version}`}
            layout="vertical"
            initialValues={{ name: first.name, regionId: first.regionId }}
            onFinish={(v) =>
              void save(
                () => editGrid(first.id, { version: first.version, ...v }),
                () => setPicked([first.id]),
              )
            }
          >
            <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 100 }]}>
              <Input data-testid="grid-edit-name" />
            </Form.Item>
            <Form.Item name="regionId" label={t('town')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={towns} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" data-testid="grid-edit-save">
                {t('save')}
              </Button>
              <Button onClick={() => start('redraw')} data-testid="grid-redraw">
                {t('redraw')}
              </Button>
              <Button onClick={() => start('split')} data-testid="grid-split">
                {t('split')}
              </Button>
            </Space>
          </Form>
          <Table
            size="small"
            rowKey="version"
            title={() => t('versions')}
            data-testid="grid-versions"
            pagination={{ pageSize: 5 }}
            dataSource={versions.data?.items ?? []}
            columns={[
              { title: t('v.version'), dataIndex: 'version', width: 60 },
              {
                title: t('v.name'),
                render: (_: unknown, v: { name: string; active: boolean }) => `${v.name}${v.active ? '' : t('v.ended')}`,
              },
              { title: t('v.at'), dataIndex: 'changedAt', render: (at: string) => formatTime(at) },
              { title: t('v.source'), dataIndex: 'source' },
            ]}
          />
        </Space>
      );
    return <Alert type="info" message={t('pickHint')} />;
  })();

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title={t('title')} data-testid="grid-admin" styles={{ body: { padding: 12 } }}>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <Row gutter={12}>
          <Col xs={24} lg={14}>
            <Segmented<Mode>
              value={mode}
              onChange={start}
              data-testid="grid-mode"
              style={{ marginBottom: 8 }}
              options={[
                { value: 'select', label: t('mode.select') },
                { value: 'draw', label: t('mode.draw') },
                { value: 'redraw', label: t('mode.redraw'), disabled: picked.length !== 1 },
                { value: 'split', label: t('mode.split'), disabled: picked.length !== 1 },
              ]}
            />
            <GeoMap
              tiles={me.map}
              height={480}
              fitBox={fitBox}
              grids={allShapes}
              gridsFromZoom={0}
              selectedGrids={picked}
              onGridClick={pick}
              onMapClick={addCorner}
              sketch={sketch}
              testId="grid-admin-map"
            />
          </Col>
          <Col xs={24} lg={10}>
            {panel}
          </Col>
        </Row>
        <Table<GridView>
          size="small"
          rowKey="id"
          style={{ marginTop: 12 }}
          data-testid="grid-list"
          loading={list.isLoading}
          dataSource={grids}
          title={() => t('count', { n: grids.length })}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          rowSelection={{
            selectedRowKeys: picked,
            onChange: (keys) => mode === 'select' && setPicked(keys.slice(-2).map(String)),
          }}
          onRow={(g) => ({ 'data-code': g.code }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('col.code'), dataIndex: 'code' },
            { title: t('col.name'), dataIndex: 'name' },
            { title: t('col.town'), dataIndex: 'regionId', render: (id: string, g) => g.regionName || regionName(id) },
            { title: t('col.version'), dataIndex: 'version', width: 70 },
          ]}
        />
      </Card>
      <GridImportPage onImported={() => void refresh()} />
    </Space>
  );
}
