// Gives each test run its own temporary root and removes it afterwards. Tests (and the CLI
// children they spawn) call os.tmpdir(), which reads TMPDIR, so without this every `npm test`
// left about fifty directories behind in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  // Inside the system temp dir, so renames between it and other temp paths stay on one filesystem.
  const root = mkdtempSync(join(tmpdir(), 'sim-test-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
