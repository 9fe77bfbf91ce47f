import { keys } from '../api/keys';
import { errorText, useShowError } from '../api/mutation';
import { fetchOrderDetail } from '../api/queries';
import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, Popconfirm, Radio, Row, Space, Typography, type InputRef } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useLang, useT } from '../../shared/i18n';
import { IntakeAssist } from '../knowledge/IntakeAssist';
import { APPEAL_TYPES, type Order } from '../api/types';
import { CategoryPicker, RegionPicker } from '../common/pickers';
import { labels } from '../common/labels.messages';
import { intakeMessages } from './intake.messages';
import { OutcomeFields } from './OutcomeFields';
import { CallerHistory } from './CallerHistory';
import { enterMovesOn } from './enter-moves-on';
import { submitIntake, type IntakeValues, type Outcome } from './submit-intake';
// The server's own rule (src/orders/phone.ts), so the form refuses exactly what the API would.
import { PHONE_REGEXP as PHONE } from '../../../../src/orders/phone';

const OUTCOMES: Outcome[] = ['dispatch', 'answer', 'merge', 'reject'];
const INITIAL = { appealType: 'consult', priority: 3 };

/** The operator's one screen: caller → history, the appeal, the assist panel, and the outcome, all by keyboard. */
export function IntakePage() {
  const t = useT(intakeMessages);
  const l = useT(labels);
  const { lang } = useLang();
  const { message, notification } = App.useApp();
  const client = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<IntakeValues>();
  const [outcome, setOutcome] = useState<Outcome>('dispatch');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Order | null>(null);
  const phoneRef = useRef<InputRef>(null);
  const phone = Form.useWatch('callerPhone', form) ?? '';
  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const atMost = (max: number) => ({ max, message: t('tooLong', { max }) });
  // 清空 asks first when an appeal has been typed: one click must not throw away a long account.
  const typedSomething = () => title.trim() !== '' || content.trim() !== '';
  const clear = () => {
    form.resetFields();
    setOutcome('dispatch');
  };
  const address = Form.useWatch('address', form);
  const regionId = Form.useWatch('regionId', form);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === 'Enter') {
        e.preventDefault();
        form.submit();
      } else if (e.altKey && /^[1-4]$/.test(e.key)) {
        e.preventDefault();
        setOutcome(OUTCOMES[Number(e.key) - 1]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  async function submit(values: IntakeValues) {
    setBusy(true);
    try {
      const { order, error } = await submitIntake(outcome, values);
      setLast(order);
      void client.invalidateQueries({ queryKey: keys.orders() });
      if (error) notification.warning({ title: t('partlySaved', { no: order.orderNo, error: errorText(error, lang) }) });
      else message.success(t('saved', { no: order.orderNo }));
      form.resetFields();
      setOutcome('dispatch');
      phoneRef.current?.focus();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  const mergeInto = (o: Pick<Order, 'id' | 'orderNo'>) => {
    setOutcome('merge');
    form.setFieldsValue({ mergeIntoId: o.id, mergeIntoNo: o.orderNo });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card
          title={t('title')}
          extra={<Typography.Text type="secondary">{t('shortcut')}</Typography.Text>}
          data-testid="intake-form-card"
        >
          <Form
            form={form}
            layout="vertical"
            initialValues={INITIAL}
            onFinish={submit}
            onKeyDown={enterMovesOn}
            data-testid="intake-form"
          >
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
            <Form.Item label={t('outcome')}>
              <Radio.Group
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as Outcome)}
                optionType="button"
                buttonStyle="solid"
                data-testid="intake-outcome"
                options={OUTCOMES.map((o, i) => ({ value: o, label: `${i + 1} ${t(`outcome.${o}`)}` }))}
              />
            </Form.Item>
            <OutcomeFields outcome={outcome} />
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">
                {t('submit')}
              </Button>
              <Popconfirm title={t('resetConfirm')} onConfirm={clear} disabled={!typedSomething()}>
                <Button onClick={() => !typedSomething() && clear()} data-testid="intake-reset">
                  {t('reset')}
                </Button>
              </Popconfirm>
              {last && (
                <Typography.Text data-testid="intake-last">
                  {t('saved', { no: '' })}
                  <Link to={`/orders/${last.id}`}>{last.orderNo}</Link>
                </Typography.Text>
              )}
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <CallerHistory phone={phone} onMerge={mergeInto} />
          <IntakeAssist
            title={title}
            content={content}
            callerPhone={phone || undefined}
            address={address}
            regionId={regionId}
            onPickCategory={(categoryId) => form.setFieldsValue({ categoryId })}
            onPickUnit={(leadUnitId) => {
              setOutcome('dispatch');
              form.setFieldsValue({ leadUnitId });
            }}
            onPickArticle={(article) => {
              setOutcome('answer');
              form.setFieldsValue({ answer: article.answer, knowledgeArticleId: article.id });
            }}
            onPickDuplicate={(orderId) => void fetchOrderDetail(orderId).then((d) => mergeInto(d.order), showError)}
          />
        </Space>
      </Col>
    </Row>
  );
}
