import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useT } from '../../shared/i18n';
import { useShowError } from '../api/mutation';
import { importGridFile, type GridImportAnswer as ImportAnswer } from './grid-api';
import { gridImportMessages } from './grid-import.messages';

interface Values {
  coordSystem: string;
  codeField?: string;
  nameField?: string;
  regionField?: string;
  region?: string;
  encoding?: string;
  replace?: boolean;
}

/**
 * /admin/grids — 网格导入 (issue 18, ADR 0185 amended): a grid platform's export (GeoJSON, shapefile
 * zip or KML/KMZ) with the attribute names it uses, sent to POST /api/grids/import/file; the server
 * names what it refuses (a projected .prj, a missing .dbf…) and the counts of what it wrote.
 */
export function GridImportPage({ onImported }: { onImported?: () => void } = {}) {
  const t = useT(gridImportMessages);
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);

  async function submit(values: Values) {
    if (!file) return;
    const body = new FormData();
    for (const [name, value] of Object.entries(values))
      if (value !== undefined && value !== '' && value !== false) body.append(name, String(value));
    body.append('file', file, file.name);
    setBusy(true);
    try {
      setAnswer(await importGridFile(body));
      onImported?.();
    } catch (e) {
      setAnswer(null);
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('title')} data-testid="grid-import">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <Form<Values>
          layout="vertical"
          initialValues={{ coordSystem: 'wgs84' }}
          onFinish={(v) => void submit(v)}
          style={{ maxWidth: 560 }}
        >
          <Form.Item label={t('file')} required>
            <Upload
              accept=".zip,.kml,.kmz,.geojson,.json"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button data-testid="grid-import-file">{t('choose')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="coordSystem" label={t('coordSystem')}>
            <Select
              options={[
                { value: 'wgs84', label: 'WGS-84 / CGCS2000' },
                { value: 'gcj02', label: 'GCJ-02' },
                { value: 'bd09', label: 'BD-09' },
              ]}
            />
          </Form.Item>
          <Form.Item name="codeField" label={t('codeField')} extra={t('fieldHint')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="nameField" label={t('nameField')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="regionField" label={t('regionField')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="region" label={t('region')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="encoding" label={t('encoding')}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="replace" valuePropName="checked">
            <Checkbox>{t('replace')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!file} data-testid="grid-import-submit">
            {t('submit')}
          </Button>
        </Form>
        {answer && (
          <Alert
            type="success"
            data-testid="grid-import-result"
            message={t('result', {
              format: answer.format,
              created: answer.created,
              updated: answer.updated,
              unchanged: answer.unchanged,
              deactivated: answer.deactivated,
              orders: answer.ordersReassigned,
            })}
          />
        )}
      </Space>
    </Card>
  );
}
