import { describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();

type Operation = { tags?: string[]; responses?: Record<string, { content?: Record<string, { schema?: object }> }> };

describe('the leaders routes declare their responses', () => {
  it('documents a JSON schema for the success answer of every leaders route in the OpenAPI', async () => {
    const client = await asUser(app, w, 'admin');
    const spec = (await client.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.tags?.includes('leaders'))
        .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(14);
    const missing = operations
      .filter(({ op }) => !['200', '201'].some((code) => op.responses?.[code]?.content?.['application/json']?.schema))
      .map((o) => o.route);
    expect(missing).toEqual([]);
  });

  it('answers only the declared fields (the serializer drops what the schema does not name)', async () => {
    const leader = await asUser(app, w, 'leader');
    const settings = (await leader.get('/api/leader-settings')).json();
    expect(Object.keys(settings).sort()).toEqual(['leadersMaySupervise', 'leadersMayUrge']);
  });
});
