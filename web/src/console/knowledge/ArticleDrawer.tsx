import { keys } from '../api/keys';
import { useWrite } from '../api/mutation';
import { saveArticle, useArticleDetail } from './knowledge-api';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Button, DatePicker, Drawer, Form, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { CategoryPicker, UnitPicker } from '../common/pickers';
import type { ArticleStatus } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';

interface FormValues {
  title: string;
  body: string;
  categoryId?: string;
  ownerUnitId: string;
  status: ArticleStatus;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  reviewAt?: Dayjs | null;
  note?: string;
}

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const STATUSES: ArticleStatus[] = ['draft', 'published', 'expired'];

/** Enter in a one-line field (a date, the title) must not save the article: only the button does. */
const keepEnterFromSubmitting = (e: KeyboardEvent<HTMLFormElement>) => {
  if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
};

/**
 * Create or edit an article; editing shows the version history (every save is a new version).
 * Readers who may not edit see the same drawer with every field read-only and no save button.
 */
export function ArticleDrawer(props: { articleId: string | null; open: boolean; readOnly?: boolean; onClose: () => void }) {
  const t = useT(knowledgeMessages);
  const write = useWrite();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const detail = useArticleDetail(props.articleId, props.open);
  const article = props.articleId ? detail.data?.article : undefined;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (article) {
      form.setFieldsValue({
        title: article.title,
        body: article.body,
        categoryId: article.categoryId ?? undefined,
        ownerUnitId: article.ownerUnitId,
        status: article.status,
        validFrom: article.validFrom ? dayjs(article.validFrom) : null,
        validTo: article.validTo ? dayjs(article.validTo) : null,
        reviewAt: article.reviewAt ? dayjs(article.reviewAt) : null,
      });
    } else form.setFieldsValue({ status: 'draft' });
  }, [props.open, article, form]);

  const save = async (v: FormValues) => {
    const json = {
      title: v.title,
      body: v.body,
      categoryId: v.categoryId ?? null,
      ownerUnitId: v.ownerUnitId,
      status: v.status,
      validFrom: day(v.validFrom),
      validTo: day(v.validTo),
      reviewAt: day(v.reviewAt),
      ...(v.note ? { note: v.note } : {}),
    };
    setSaving(true);
    const done = await write(() => saveArticle(article, json), {
      success: t('saved'),
      invalidate: [keys.knowledge, keys.knowledgeArticle(props.articleId ?? '')],
    });
    setSaving(false);
    if (done.ok) props.onClose();
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size="large"
      title={article ? `${props.readOnly ? t('view') : t('edit')} · ${t('version', { n: article.version })}` : t('new')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        onKeyDown={keepEnterFromSubmitting}
        disabled={props.readOnly}
        data-testid="knowledge-form"
      >
        <Form.Item name="title" label={t('f.title')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="knowledge-title" />
        </Form.Item>
        <Form.Item name="body" label={t('f.body')} rules={[{ required: true, max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} data-testid="knowledge-body" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="status" label={t('f.status')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="validFrom" label={t('f.validFrom')}>
            <DatePicker data-testid="knowledge-valid-from" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t('f.validTo')}
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, to: Dayjs | null | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                  return to && from && to.isBefore(from, 'day')
                    ? Promise.reject(new Error(t('f.validToBeforeFrom')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker data-testid="knowledge-valid-to" />
          </Form.Item>
          <Form.Item name="reviewAt" label={t('f.reviewAt')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="ownerUnitId" label={t('f.owner')} rules={[{ required: true }]}>
          <UnitPicker testId="knowledge-owner" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('f.category')}>
          <CategoryPicker />
        </Form.Item>
        <Form.Item name="note" label={t('f.note')}>
          <Input maxLength={500} />
        </Form.Item>
        {!props.readOnly && (
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="knowledge-save">
              {t('save')}
            </Button>
            <Button onClick={props.onClose}>{t('cancel')}</Button>
          </Space>
        )}
      </Form>
      {detail.data && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('versions')}
          </Typography.Title>
          <Timeline
            items={detail.data.versions.map((v) => ({
              key: v.version,
              content: (
                <Space orientation="vertical" size={0}>
                  <Space size={4} wrap>
                    <Typography.Text strong>{t('version', { n: v.version })}</Typography.Text>
                    <Tag>{t(`status.${v.status}`)}</Tag>
                    <Typography.Text type="secondary">
                      {dayjs(v.editedAt).format('YYYY-MM-DD HH:mm')} {v.editorName ?? 'system'}
                    </Typography.Text>
                  </Space>
                  {v.note && <Typography.Text italic>{v.note}</Typography.Text>}
                  <Typography.Text>{v.title}</Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
                    {v.body}
                  </Typography.Paragraph>
                </Space>
              ),
            }))}
          />
          {detail.data.recentUsages.length > 0 && (
            <>
              <Typography.Title level={5}>{t('usages')}</Typography.Title>
              <Space wrap>
                {detail.data.recentUsages.map((u) => (
                  <Link key={u.orderId} to={`/orders/${u.orderId}`}>
                    {u.orderNo}
                  </Link>
                ))}
              </Space>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
