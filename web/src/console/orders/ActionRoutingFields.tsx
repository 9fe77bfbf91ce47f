import { Form, Input, Select } from 'antd';
import { useT } from '../../shared/i18n';
import { useDispatchArea, useSubCentres } from '../api/queries';
import { UnitMultiPicker, UnitPicker } from '../common/pickers';
import { orderMessages } from './orders.messages';

const required = [{ required: true }];

/** 派单: the lead unit, the assisting units and the dispatcher's instructions. */
export function DispatchFields() {
  const t = useT(orderMessages);
  return (
    <>
      <Form.Item name="leadUnitId" label={t('form.leadUnit')} rules={required} extra={<DispatchAreaHint />}>
        <UnitPicker dispatchable inMyArea testId="field-leadUnitId" autoFocus />
      </Form.Item>
      <Form.Item name="assistUnitIds" label={t('form.assistUnits')}>
        <UnitMultiPicker dispatchable inMyArea testId="field-assistUnitIds" />
      </Form.Item>
      <Form.Item name="instructions" label={t('form.instructions')}>
        <Input.TextArea rows={2} data-testid="field-instructions" />
      </Form.Item>
    </>
  );
}

/** Where a sub-centre's dispatcher may dispatch, in words (ADR 0153); nothing for the league's staff. */
function DispatchAreaHint() {
  const t = useT(orderMessages);
  const area = useDispatchArea().data;
  if (!area || area.anywhere) return null;
  return (
    <span data-testid="dispatch-area-hint">
      {area.areaUnitName ? t('form.dispatchArea', { area: area.areaUnitName }) : t('form.dispatchAreaLeagueWide')}
    </span>
  );
}

/** 同意并改派: the dispatcher may name the next unit at once (approve, then dispatch, in order). */
export function RedispatchFields() {
  const t = useT(orderMessages);
  return (
    <>
      <Form.Item name="redispatchLeadUnitId" label={t('form.redispatchTo')} extra={t('form.redispatchHint')}>
        <UnitPicker dispatchable inMyArea testId="field-redispatchLeadUnitId" autoFocus />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.redispatchLeadUnitId !== b.redispatchLeadUnitId}>
        {({ getFieldValue }) =>
          getFieldValue('redispatchLeadUnitId') && (
            <Form.Item name="redispatchAssistUnitIds" label={t('form.assistUnits')}>
              <UnitMultiPicker dispatchable inMyArea testId="field-redispatchAssistUnitIds" />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

/** 转分中心: the sub-centre to route the order to (ADR 0110). */
export function DeskField({ exclude }: { exclude: string | null }) {
  const t = useT(orderMessages);
  return (
    <Form.Item name="deskUnitId" label={t('form.desk')} rules={required}>
      <DeskPicker exclude={exclude} />
    </Form.Item>
  );
}

/** The sub-centres an order may be routed to (not the one holding it), by name (ADR 0110). */
function DeskPicker({ exclude, value, onChange }: { exclude: string | null; value?: string; onChange?: (v: string) => void }) {
  const desks = useSubCentres().data?.items ?? [];
  const options = desks
    .filter((d) => d.active && d.id !== exclude)
    .map((d) => ({ value: d.id, label: d.regionName ? `${d.name}（${d.regionName}）` : d.name }));
  return (
    <Select
      showSearch
      autoFocus
      optionFilterProp="label"
      options={options}
      value={value}
      onChange={onChange}
      data-testid="field-deskUnitId"
    />
  );
}
