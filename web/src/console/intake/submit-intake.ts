import { api } from '../../shared/api';
import type { Order } from '../api/types';
import { normalizeCreditCode } from '../../shared/contract';

export type Outcome = 'dispatch' | 'answer' | 'merge' | 'reject';

export interface IntakeValues {
  callerPhone?: string;
  callerName?: string;
  callerConfidential?: boolean;
  /** 受理渠道 (issue 16): the number dialled for a call, the window for a window appeal. */
  channel: string;
  sourceNumber?: string;
  windowId?: string;
  appealType: string;
  categoryId?: string;
  priority: number;
  regionId?: string;
  address?: string;
  title: string;
  content: string;
  answer?: string;
  knowledgeArticleId?: string;
  leadUnitId?: string;
  assistUnitIds?: string[];
  instructions?: string;
  mergeIntoId?: string;
  /** Shown to the operator; the id is what is sent. */
  mergeIntoNo?: string;
  rejectReason?: string;
  explanation?: string;
  /** 涉企诉求 (ADR 0137). */
  enterprise?: boolean;
  companyName?: string;
  creditCode?: string;
  protectName?: boolean;
  /** 群众通知 (issue 16): 同意短信通知 and an e-mail for the notices. */
  smsConsent?: boolean;
  contactEmail?: string;
  /** The pin on the map (ADR 0187), WGS-84. */
  point?: { lat: number; lng: number };
}

/** The company of an enterprise appeal, as the API takes it (the code as printed on the licence). */
const enterpriseOf = (v: IntakeValues) =>
  v.enterprise
    ? {
        companyName: (v.companyName ?? '').trim(),
        creditCode: normalizeCreditCode(v.creditCode ?? ''),
        protectName: v.protectName ?? false,
      }
    : undefined;

const clean = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The second step of intake: the outcome the operator chose, applied to the new order. */
function outcomeRequest(outcome: Outcome, v: IntakeValues): { action: string; body: Record<string, unknown> } {
  switch (outcome) {
    case 'answer':
      return { action: 'answer-directly', body: { answer: v.answer, knowledgeArticleId: v.knowledgeArticleId } };
    case 'merge':
      return { action: 'merge', body: { intoOrderId: v.mergeIntoId } };
    case 'reject':
      return { action: 'reject', body: { reason: v.rejectReason, explanation: v.explanation } };
    default:
      return {
        action: 'dispatch',
        body: { leadUnitId: v.leadUnitId, assistUnitIds: v.assistUnitIds ?? [], instructions: clean(v.instructions) },
      };
  }
}

/**
 * 受理 then the outcome: POST /api/orders, then the action on the new order. If the second step fails
 * the order stays accepted (it shows up in the dispatcher's queue) and the error names it.
 */
export async function submitIntake(outcome: Outcome, v: IntakeValues): Promise<{ order: Order; error?: unknown }> {
  const order = await api<Order>('/api/orders', {
    method: 'POST',
    json: {
      channel: v.channel,
      sourceNumber: v.channel === 'phone' ? clean(v.sourceNumber) : undefined,
      windowId: v.channel === 'window' ? v.windowId : undefined,
      appealType: v.appealType,
      categoryId: v.categoryId,
      priority: v.priority,
      title: v.title.trim(),
      content: v.content.trim(),
      callerName: clean(v.callerName),
      callerPhone: clean(v.callerPhone),
      callerConfidential: v.callerConfidential ?? false,
      regionId: v.regionId,
      address: clean(v.address),
      lat: v.point?.lat,
      lng: v.point?.lng,
      enterprise: enterpriseOf(v),
      citizenContact: { sms: v.smsConsent ?? !v.callerConfidential, email: clean(v.contactEmail)?.toLowerCase() ?? null },
    },
  });
  const next = outcomeRequest(outcome, v);
  try {
    const done = await api<Order>(`/api/orders/${order.id}/actions/${next.action}`, {
      method: 'POST',
      json: { version: order.version, ...next.body },
    });
    return { order: { ...order, state: done.state } };
  } catch (error) {
    return { order, error };
  }
}
