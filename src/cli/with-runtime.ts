import { loadConfig, type Config } from '../config/config.js';
import { openRuntime, type Runtime } from '../runtime.js';

/** Opens the runtime for one CLI command and always closes it. */
export async function withRuntime<T>(fn: (rt: Runtime, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const rt = await openRuntime(config);
  try {
    return await fn(rt, config);
  } finally {
    await rt.close();
  }
}
