import { changeApiClient } from '../apiclients/api-client.service.js';
import type { ApiClient } from '../apiclients/api-client.table.js';
import type { ApiScope } from '../contract/api-clients.js';
import { WEBHOOK_EVENTS } from '../contract/client-webhooks.js';
import type { Deps } from '../shared/deps.js';
import {
  changeClientWebhook,
  createClientWebhook,
  listClientWebhooks,
  pingClientWebhook,
} from '../webhooks/client-webhook.service.js';
import { LOOPBACK_PATH } from '../webhooks/webhook-loopback.routes.js';

const DEMO_WEBHOOK = '演示：本机回调接收端（验证签名后丢弃）';

/**
 * The demo client's one webhook subscription (ADR 0182): every event, delivered to the server's own
 * receiver, which checks the signature and keeps nothing — so the delivery log shows real signed
 * deliveries (a ping at the first start; then the progress of what the printed key submits). The URL
 * follows the server's address at every start (LIANXIN_PUBLIC_URL, else http://localhost:PORT).
 */
export async function seedDemoWebhook(
  deps: Deps,
  client: Pick<ApiClient, 'id' | 'centre_id' | 'scopes'>,
  receiverBase: string,
  log: (line: string) => void,
): Promise<void> {
  const target = { centreId: client.centre_id, clientId: client.id };
  if (!client.scopes.includes('webhooks')) {
    await changeApiClient(deps, null, client.centre_id, client.id, { scopes: [...(client.scopes as ApiScope[]), 'webhooks'] });
  }
  const url = `${receiverBase.replace(/\/$/, '')}${LOOPBACK_PATH}`;
  const existing = (await listClientWebhooks(deps, null, target)).webhooks.find((w) => w.description === DEMO_WEBHOOK);
  if (existing) {
    if (existing.url !== url) await changeClientWebhook(deps, null, target, existing.id, { url });
  } else {
    const { webhook } = await createClientWebhook(deps, null, target, {
      url,
      events: [...WEBHOOK_EVENTS],
      description: DEMO_WEBHOOK,
    });
    await pingClientWebhook(deps, null, target, webhook.id);
  }
  log(
    `  webhooks (回调): every event of its appeals, signed, to ${url} (the server's own receiver; log under 接口客户端 → 回调)`,
  );
}
