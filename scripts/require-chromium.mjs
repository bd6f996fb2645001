// Fails early, with the fix spelled out, when the browser the end-to-end tests drive is missing.
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(
    `End-to-end tests need Debian's Chromium at ${CHROMIUM}, and it is not installed.\n` +
      `Fix: sudo apt-get update && sudo apt-get install -y chromium   (then run the tests again)\n` +
      `Do not run "npx playwright install": the tests drive the system Chromium.`,
  );
  process.exit(1);
}
