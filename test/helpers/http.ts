import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import { buildApp } from '../../src/http/app.js';
import type { World } from './fixtures.js';
import { TEST_PASSWORD } from './fixtures.js';

export interface Client {
  token: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function buildTestApp(world: World, env: Record<string, string> = {}): Promise<FastifyInstance> {
  // Tests jump the clock by hours between requests of one session: no idle timeout unless a test sets one.
  const config = loadConfig({ LIANXIN_DATA_DIR: world.deps.dataDir, LIANXIN_SESSION_IDLE_MINUTES: '0', ...env });
  // The app's domain code reads the settings of this configuration (as the server's runtime wires them).
  return buildApp({ deps: { ...world.deps, settings: domainSettings(config) }, config });
}

/** Signs in through the API as one of the world's users and returns a client carrying the session cookie. */
export async function asUser(app: FastifyInstance, world: World, who: keyof World['usernames']): Promise<Client> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: world.usernames[who], password: TEST_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login as ${who} failed: ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'lianxin_session');
  if (!cookie) throw new Error('no session cookie');
  const token = cookie.value;
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(options.headers ?? {}), cookie: `lianxin_session=${token}` } });
  return {
    token,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
  };
}
