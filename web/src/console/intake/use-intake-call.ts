import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { linkCallToOrder, useScreenPop } from '../calls/calls-api';
import type { IntakeValues } from './submit-intake';

/**
 * The call the intake was opened on (`/intake?call=<id>`, by the screen-pop): its number, and a repeat
 * caller's name and address, are filled in once; the order saved is linked to the call, and the
 * screen is then free for the next call.
 */
export function useIntakeCall(form: FormInstance<IntakeValues>) {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('call'));
  const callId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const pop = useScreenPop(callId);
  const filled = useRef<number | null>(null);

  useEffect(() => {
    const data = pop.data;
    if (!data || filled.current === data.call.id) return;
    filled.current = data.call.id;
    form.setFieldsValue({
      // The number the caller dialled, when the telephone system reports it (12345 or a line in parallel).
      ...(data.call.hotlineNumber ? { channel: 'phone', sourceNumber: data.call.hotlineNumber } : {}),
      callerPhone: data.masked ? undefined : (data.callerNumber ?? undefined),
      callerName: data.callerName ?? undefined,
      address: data.address ?? undefined,
      regionId: data.regionId ?? undefined,
    });
  }, [pop.data, form]);

  async function linkSaved(orderId: string) {
    if (callId === null) return;
    await linkCallToOrder(callId, orderId);
    setParams({}, { replace: true });
  }

  return { pop: callId === null ? undefined : pop.data, linkSaved };
}
