import { keys } from '../api/keys';
import { useWrite } from '../api/mutation';
import { saveArticle, useArticleDetail } from './knowledge-api';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Button, Drawer, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n';
import { CategoryPicker, UnitPicker } from '../common/pickers';
import type { ArticleStatus } from './knowledge-api';
import { ArticleHistory } from './ArticleHistory';
import { ArticlePublicSwitch } from './ArticlePublicSwitch';
import { ArticleStatusFields } from './ArticleStatusFields';
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
      {article && <ArticlePublicSwitch article={article} readOnly={props.readOnly} />}
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
        <ArticleStatusFields />
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
      {detail.data && <ArticleHistory detail={detail.data} />}
    </Drawer>
  );
}
