import { keys } from '../api/keys';
import { errorText, useShowError } from '../api/mutation';
import { fetchOrderDetail } from '../api/queries';
import { useRef, useState } from 'react';
import { App, Card, Col, Form, Radio, Row, Space, Typography, type InputRef } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLang, useT } from '../../shared/i18n';
import { IntakeAssist } from '../knowledge/IntakeAssist';
import type { Order } from '../api/types';
import { intakeMessages } from './intake.messages';
import { OutcomeFields } from './OutcomeFields';
import { CallerHistory } from './CallerHistory';
import { IntakeFields } from './IntakeFields';
import { ChannelFields } from '../channels/ChannelFields';
import { MAIN_HOTLINE } from '../../shared/contract';
import { EnterpriseFields } from '../enterprise/EnterpriseFields';
import { CitizenContactFields } from './CitizenContactFields';
import { IntakeMapPin } from '../map/IntakeMapPin';
import { IntakeSubmitBar, type IntakeResult } from './IntakeSubmitBar';
import { enterMovesOn } from './enter-moves-on';
import { useIntakeCall } from './use-intake-call';
import { CallBanner } from '../calls/CallBanner';
import { submitIntake, type IntakeValues, type Outcome } from './submit-intake';
import { OUTCOMES, useIntakeShortcuts } from './use-intake-shortcuts';

const INITIAL = { channel: 'phone', sourceNumber: MAIN_HOTLINE, appealType: 'consult', priority: 3, smsConsent: true };

/** The operator's one screen: caller → history, the appeal, the assist panel, and the outcome, all by keyboard. */
export function IntakePage() {
  const t = useT(intakeMessages);
  const { lang } = useLang();
  const { message, notification } = App.useApp();
  const client = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<IntakeValues>();
  const [outcome, setOutcome] = useState<Outcome>('dispatch');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<IntakeResult | null>(null);
  const phoneRef = useRef<InputRef>(null);
  const phone = Form.useWatch('callerPhone', form) ?? '';
  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const address = Form.useWatch('address', form);
  const regionId = Form.useWatch('regionId', form);
  const categoryId = Form.useWatch('categoryId', form);
  const appealType = Form.useWatch('appealType', form);
  const point = Form.useWatch('point', form) as { lat: number; lng: number } | undefined;
  const typedSomething = () => title.trim() !== '' || content.trim() !== '';
  const clear = () => {
    form.resetFields();
    setOutcome('dispatch');
  };
  useIntakeShortcuts(form.submit, setOutcome);
  const call = useIntakeCall(form);

  async function submit(values: IntakeValues) {
    setBusy(true);
    try {
      const { order, error } = await submitIntake(outcome, values);
      setLast({ order, reached: error ? 'accepted' : outcome });
      void client.invalidateQueries({ queryKey: keys.orders() });
      if (error) notification.warning({ title: t('partlySaved', { no: order.orderNo, error: errorText(error, lang) }) });
      else message.success(t(`saved.${outcome}`, { no: order.orderNo }));
      clear();
      phoneRef.current?.focus();
      await call.linkSaved(order.id);
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
          {call.pop && <CallBanner pop={call.pop} />}
          <Form
            form={form}
            layout="vertical"
            initialValues={INITIAL}
            onFinish={submit}
            onKeyDown={enterMovesOn}
            onValuesChange={(changed: Partial<IntakeValues>) => {
              // 同意短信通知 follows 要求保密 (the server's default) until the operator ticks it themselves.
              if ('callerConfidential' in changed && !form.isFieldTouched('smsConsent'))
                // Set as untouched: only the operator's own tick stops it following.
                form.setFields([{ name: 'smsConsent', value: !changed.callerConfidential, touched: false }]);
            }}
            data-testid="intake-form"
          >
            <ChannelFields />
            <IntakeFields phoneRef={phoneRef} />
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
            {/* After the outcome, so the keyboard path through a plain call keeps its stops. */}
            <EnterpriseFields />
            <CitizenContactFields />
            <IntakeMapPin />
            <IntakeSubmitBar outcome={outcome} busy={busy} last={last} typedSomething={typedSomething} onClear={clear} />
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
            categoryId={categoryId}
            appealType={appealType}
            point={point}
            onUseCatalogue={(rule) => {
              setOutcome('dispatch');
              form.setFieldsValue({
                leadUnitId: rule.leadUnitId,
                assistUnitIds: rule.assistUnitIds,
                instructions: rule.note ?? undefined,
              });
            }}
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
