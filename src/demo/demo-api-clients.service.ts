import { createApiClient, issueApiKey, revokeApiKey } from '../apiclients/api-client.service.js';
import { findApiClientByName, listClientKeys } from '../apiclients/api-client.repository.js';
import { findCategoriesByName, insertCategoryAttribute } from '../open311/open311.repository.js';
import type { Deps } from '../shared/deps.js';
import { seedDemoWebhook } from './demo-webhooks.service.js';

export const DEMO_API_CLIENT = '蒙速办（演示）';
const DEMO_KEY_LABEL = 'demo-start';

/**
 * The demo's outside system (ADR 0180): a client with the submit, read and webhooks scopes (its one
 * webhook subscription: demo-webhooks.service.ts, ADR 0182), and at every start
 * a fresh key printed in the log (keys are kept only as hashes, so the previous one cannot be shown
 * again; it is revoked). The 供热 and 市政道路与照明 categories ask Open311 clients a question each.
 */
export async function seedDemoApiClient(
  deps: Deps,
  centreId: string,
  log: (line: string) => void,
  receiverBase = 'http://localhost:8080',
): Promise<void> {
  let client = await findApiClientByName(deps.db, centreId, DEMO_API_CLIENT);
  if (!client) {
    const created = await createApiClient(deps, null, centreId, {
      name: DEMO_API_CLIENT,
      channel: 'open_api',
      contact: '演示联系人 0479-0000000',
      scopes: ['submit', 'read', 'webhooks'],
    });
    client = (await findApiClientByName(deps.db, centreId, created.client.name))!;
    await seedDemoAttributes(deps, centreId);
  }
  for (const key of await listClientKeys(deps.db, [client.id])) {
    if (key.label === DEMO_KEY_LABEL && !key.revoked_at) await revokeApiKey(deps, null, centreId, client.id, key.id);
  }
  const { key } = await issueApiKey(deps, null, centreId, client.id, DEMO_KEY_LABEL);
  log(`Open311 GeoReport v2 (接口客户端 ${DEMO_API_CLIENT}, scopes submit,read,webhooks): api_key=${key}`);
  // The server's own address when the caller knows it, else the default (PORT 8080, src/config).
  log(`  e.g. curl "${receiverBase.replace(/\/$/, '')}/open311/v2/services.xml?jurisdiction_id=xilingol"`);
  await seedDemoWebhook(deps, client, receiverBase, log);
}

async function seedDemoAttributes(deps: Deps, centreId: string) {
  const categories = await findCategoriesByName(deps.db, centreId, ['供热', '市政道路与照明']);
  for (const c of categories) {
    if (c.name === '供热') {
      await insertCategoryAttribute(deps.db, {
        categoryId: c.id,
        code: 'heating_kind',
        datatype: 'singlevaluelist',
        required: true,
        description: '供热方式',
        order: 1,
        values: [
          { key: 'central', name: '集中供热' },
          { key: 'self', name: '自采暖' },
        ],
      });
      await insertCategoryAttribute(deps.db, {
        categoryId: c.id,
        code: 'indoor_temperature',
        datatype: 'number',
        required: false,
        description: '室内温度（℃）',
        order: 2,
      });
    } else {
      await insertCategoryAttribute(deps.db, {
        categoryId: c.id,
        code: 'pole_number',
        datatype: 'string',
        required: false,
        description: '灯杆编号',
        order: 1,
      });
    }
  }
}
