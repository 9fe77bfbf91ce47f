import { useState } from 'react';
import { Button, Select, Space, Spin, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useT } from '../../shared/i18n';
import type { ImportPreviewView } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { previewImport } from './imports-api';
import { importMessages } from './imports.messages';

export interface ChosenFile {
  file: File;
  preview: ImportPreviewView;
  sheet?: string;
}

/** Step 1: choose the old system's file; the server reads its columns and first rows (nothing is written). */
export function ImportFileStep({
  chosen,
  onChosen,
  onNext,
}: {
  chosen: ChosenFile | null;
  onChosen: (c: ChosenFile) => void;
  onNext: () => void;
}) {
  const t = useT(importMessages);
  const write = useWrite();
  const [reading, setReading] = useState(false);
  const read = async (file: File, sheet?: string) => {
    setReading(true);
    const done = await write(() => previewImport(file, sheet));
    setReading(false);
    if (done.ok) onChosen({ file, preview: done.result, sheet });
  };
  const preview = chosen?.preview;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{chosen ? chosen.file.name : t('pick')}</p>
          <p className="ant-upload-hint">{t('pickHint')}</p>
        </Upload.Dragger>
      </div>
      {reading && (
        <Space>
          <Spin />
          {t('previewing')}
        </Space>
      )}
      {preview && chosen && (
        <>
          {preview.sheets.length > 1 && (
            <Space>
              <span>{t('sheet')}</span>
              <Select
                style={{ minWidth: 160 }}
                value={chosen.sheet ?? preview.sheets[0]}
                options={preview.sheets.map((s) => ({ value: s, label: s }))}
                onChange={(s: string) => void read(chosen.file, s)}
              />
            </Space>
          )}
          <Typography.Text strong data-testid="import-preview-title">
            {t('previewTitle', { n: preview.rows.length, total: preview.totalRows })}
          </Typography.Text>
          <Table<{ key: number; cells: string[] }>
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={preview.rows.map((cells, key) => ({ key, cells }))}
            columns={preview.columns.map((c, i) => ({ title: c, key: `${i}`, render: (_, row) => row.cells[i], ellipsis: true }))}
            data-testid="import-preview"
          />
          <Button type="primary" onClick={onNext} data-testid="import-to-mapping">
            {t('next')}
          </Button>
        </>
      )}
    </Space>
  );
}
