import { Checkbox, Col, Form, Input, Radio, Row, type InputRef } from 'antd';
import type { Ref } from 'react';
import { useT } from '../../shared/i18n';
import { APPEAL_TYPES } from '../api/types';
import { CategoryPicker, RegionPicker } from '../common/pickers';
import { labels } from '../common/labels.messages';
import { intakeMessages } from './intake.messages';
// The server's own rule (src/orders/phone.ts), so the form refuses exactly what the API would.
import { PHONE_REGEXP as PHONE } from '../../../../src/orders/phone';

/** The caller and the appeal: every field the operator types while the caller speaks. */
export function IntakeFields({ phoneRef }: { phoneRef: Ref<InputRef> }) {
  const t = useT(intakeMessages);
  const l = useT(labels);
  const atMost = (max: number) => ({ max, message: t('tooLong', { max }) });
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="callerPhone" label={t('phone')} rules={[{ pattern: PHONE, message: t('phoneInvalid') }]}>
            <Input ref={phoneRef} autoFocus data-testid="intake-phone" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="callerName" label={t('name')} rules={[atMost(100)]}>
            <Input data-testid="intake-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="callerConfidential" label=" " valuePropName="checked">
            <Checkbox>{t('confidential')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="appealType" label={t('type')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="intake-type"
          options={APPEAL_TYPES.map((v) => ({ value: v, label: l(`type.${v}`) }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="categoryId" label={t('category')}>
            <CategoryPicker testId="intake-category" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="priority" label={t('priority')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              data-testid="intake-priority"
              options={[1, 2, 3, 4].map((p) => ({
                value: p,
                label: String(p),
                title: l(`priority.${p as 1 | 2 | 3 | 4}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="regionId" label={t('region')}>
            <RegionPicker testId="intake-region" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="address" label={t('address')} rules={[atMost(300)]}>
            <Input data-testid="intake-address" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('subject')} rules={[{ required: true, whitespace: true }, atMost(200)]}>
        <Input data-testid="intake-title" />
      </Form.Item>
      <Form.Item name="content" label={t('content')} rules={[{ required: true, whitespace: true }, atMost(10000)]}>
        <Input.TextArea rows={4} data-testid="intake-content" />
      </Form.Item>
    </>
  );
}
