import { APPEAL_TYPES, categoryMatches } from '../shared/contract';
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Radio, TreeSelect, Typography, Upload, type UploadFile } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useLang, useT } from '../shared/i18n';
import { apiField, apiMessage } from './portal-errors';
import { submitAppeal, usePortalInfo, type PortalInfo } from './portal-api';
import { portalMessages, type PortalMessageKey } from './portal.messages';
import { rememberReceipt } from './ReceiptPage';
// The server's own rule (src/orders/phone.ts): the form refuses exactly what the API would.
import { PHONE_REGEXP as PHONE } from '../../../src/orders/phone';

interface AppealForm {
  appealType: string;
  categoryId?: string;
  title: string;
  content: string;
  address?: string;
  callerName: string;
  callerPhone: string;
  confidential?: boolean;
}

type TreeNode = { value: string; title: string; children: TreeNode[] };

function categoryTree(categories: PortalInfo['categories']): TreeNode[] {
  const nodes = new Map(categories.map((c) => [c.id, { value: c.id, title: c.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const c of categories) {
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(c.id)!);
  }
  return roots;
}

/** The appeal form: type, optional category, what happened, where, who; photos optional. */
export function SubmitPage() {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const [form] = Form.useForm<AppealForm>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const info = usePortalInfo();
  const tree = useMemo(() => categoryTree(info.data?.categories ?? []), [info.data]);
  const categoryById = useMemo(() => new Map((info.data?.categories ?? []).map((c) => [c.id, c])), [info.data]);
  const maxPhotos = info.data?.maxPhotos ?? 5;
  const send = useMutation({
    mutationFn: (values: AppealForm) =>
      submitAppeal(
        { ...values, confidential: values.confidential ? 'true' : undefined },
        photos.map((p) => p.originFileObj as File),
      ),
    onSuccess: (receipt) => {
      rememberReceipt(receipt);
      navigate('/portal/done');
    },
    onError: (error) => {
      const field = onFormField(error);
      if (field) form.setFields([{ name: field as keyof AppealForm, errors: [apiMessage(error, lang, t('error'))] }]);
    },
  });
  const required = [{ required: true, whitespace: true, message: t('required') }];
  // The field of the form a refusal concerns; any other refusal (photos, a field the form does not
  // hold, the server being down) is shown above the form, so no error goes unseen.
  function onFormField(error: unknown): string | undefined {
    const field = apiField(error);
    return field && field in form.getFieldsValue(true) ? field : undefined;
  }

  return (
    <section>
      <Typography.Title level={2}>{t('submitTitle')}</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={(v) => send.mutate(v)}
        initialValues={{ appealType: 'help' }}
        requiredMark={false}
      >
        <Form.Item name="appealType" label={t('appealType')} rules={required}>
          <Radio.Group optionType="button" buttonStyle="solid" className="portal-choice" data-testid="portal-type">
            {(info.data?.appealTypes ?? APPEAL_TYPES).map((type) => (
              <Radio.Button key={type} value={type}>
                {t(`type.${type}` as PortalMessageKey)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="title" label={t('title')} rules={required}>
          <Input maxLength={100} placeholder={t('titlePlaceholder')} data-testid="portal-title" />
        </Form.Item>
        <Form.Item name="content" label={t('content')} rules={required}>
          <Input.TextArea rows={5} maxLength={5000} placeholder={t('contentPlaceholder')} data-testid="portal-content" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('category')}>
          <TreeSelect
            treeData={tree}
            allowClear
            showSearch
            // a citizen who types 暖气 finds 供热 (ADR 0085)
            filterTreeNode={(input, node) => {
              const category = categoryById.get(node.value as string);
              return category ? categoryMatches(category, input) : false;
            }}
            placeholder={t('categoryPlaceholder')}
            data-testid="portal-category"
          />
        </Form.Item>
        <Form.Item name="address" label={t('address')}>
          <Input maxLength={300} placeholder={t('addressPlaceholder')} data-testid="portal-address" />
        </Form.Item>
        <Form.Item name="callerName" label={t('callerName')} rules={required}>
          <Input maxLength={50} autoComplete="name" data-testid="portal-name" />
        </Form.Item>
        <Form.Item
          name="callerPhone"
          label={t('callerPhone')}
          extra={t('phoneHint')}
          rules={[...required, { pattern: PHONE, message: t('badPhone') }]}
        >
          <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="portal-phone" />
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox data-testid="portal-confidential">{t('confidential')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('photos', { max: maxPhotos })}>
          <Upload
            accept="image/jpeg,image/png,image/gif,image/webp"
            listType="picture"
            multiple
            maxCount={maxPhotos}
            fileList={photos}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPhotos(fileList.slice(0, maxPhotos))}
          >
            {photos.length < maxPhotos && <Button data-testid="portal-add-photo">{t('addPhoto')}</Button>}
          </Upload>
        </Form.Item>
        {send.isError && !onFormField(send.error) && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={apiMessage(send.error, lang, t('error'))} />
        )}
        <Button
          type="primary"
          htmlType="submit"
          className="portal-big-button"
          loading={send.isPending}
          data-testid="portal-submit"
        >
          {send.isPending ? t('submitting') : t('submit')}
        </Button>
      </Form>
    </section>
  );
}
