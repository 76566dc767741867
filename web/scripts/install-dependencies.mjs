// Installs the npm packages with `npm ci` unless node_modules already holds exactly what
// package-lock.json pins (a stamp with the lock file's hash, written after a successful install),
// so that an ordinary Maven build does not reinstall them every time.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.carlo-installed';
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lock) {
  process.exit(0);
}
execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
writeFileSync(stamp, lock + '\n');
