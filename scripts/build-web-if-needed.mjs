// Builds the web console when web/dist is missing or older than its sources (first `npm start`).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'web', 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newestMtime(path.join(root, 'web'));
if (stale) {
  console.log('lianxin: building the web console (first start takes a minute)…');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
