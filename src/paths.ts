import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root directory, wherever the process was started from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist');
