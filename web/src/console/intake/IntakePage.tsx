import { keys } from '../api/keys';
import { errorText, useShowError } from '../api/mutation';
import { fetchOrderDetail } from '../api/queries';
import { useEffect, useRef, useState } from 'react';
import { App, Card, Col, Form, Radio, Row, Space, Typography, type InputRef } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLang, useT } from '../../shared/i18n';
import { IntakeAssist } from '../knowledge/IntakeAssist';
import type { Order } from '../api/types';
import { intakeMessages } from './intake.messages';
import { OutcomeFields } from './OutcomeFields';
import { CallerHistory } from './CallerHistory';
import { IntakeFields } from './IntakeFields';
import { EnterpriseFields } from '../enterprise/EnterpriseFields';
import { IntakeSubmitBar, type IntakeResult } from './IntakeSubmitBar';
import { enterMovesOn } from './enter-moves-on';
import { useIntakeCall } from './use-intake-call';
import { CallBanner } from '../calls/CallBanner';
import { submitIntake, type IntakeValues, type Outcome } from './submit-intake';

const OUTCOMES: Outcome[] = ['dispatch', 'answer', 'merge', 'reject'];
const INITIAL = { appealType: 'consult', priority: 3 };

/** Ctrl+Enter submits, Alt+1…4 switch the outcome, wherever the focus is. */
function useIntakeShortcuts(submit: () => void, setOutcome: (o: Outcome) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === 'Enter') {
        e.preventDefault();
        submit();
      } else if (e.altKey && /^[1-4]$/.test(e.key)) {
        e.preventDefault();
        setOutcome(OUTCOMES[Number(e.key) - 1]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit, setOutcome]);
}

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
            data-testid="intake-form"
          >
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
