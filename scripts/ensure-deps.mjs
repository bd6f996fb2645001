// Installs exactly what package-lock.json pins (npm ci) when node_modules is missing or older than the lock,
// so `npm start` and `npm test` work on a fresh machine and stay fast on a warm one.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('[deps] installing the pinned dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
