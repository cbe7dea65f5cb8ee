// A pooled `sim` process for the fuzzer: loads the CLI once (the same cached bundle bin/sim.mjs
// runs) and then runs one argument vector per message in the case's folder, capturing what the
// CLI prints. Plain JavaScript like bin/, so it needs no TypeScript loader of its own. Saves the
// ~0.7 s start of a node process per case; the parent kills it at the time bound.
import { importBundled } from '../bin/bundled.mjs';

const { main } = await importBundled('src/cli/main.ts');
const LIMIT = 64 * 1024;
// A case that pollutes a built-in prototype (e.g. `--set __proto__.x=1`) would change how every
// later case in this process behaves: the parent is told, and replaces the process.
const PROTOS = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
const protoKeys = () => Object.entries(PROTOS).flatMap(([n, p]) => Reflect.ownKeys(p).map((k) => `${n}.prototype.${String(k)}`));
const baseline = new Set(protoKeys());

process.on('message', async (msg) => {
  let out = '';
  let err = '';
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  const grab =
    (add) =>
    (chunk, ...rest) => {
      add(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function');
      if (cb) cb();
      return true;
    };
  process.stdout.write = grab((s) => {
    if (out.length < LIMIT) out += s;
  });
  process.stderr.write = grab((s) => {
    if (err.length < LIMIT) err += s;
  });
  let code;
  try {
    process.chdir(msg.cwd);
    process.env.TMPDIR = msg.tmpdir;
    code = await main(msg.args);
  } catch (e) {
    // main() catches everything itself; reaching here is the same bug class as exit code 1.
    err += `uncaught: ${e?.stack ?? String(e)}\n`;
    code = 1;
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  const polluted = protoKeys().filter((k) => !baseline.has(k));
  process.send({ code, stdout: out, stderr: err, polluted });
});
process.send({ ready: true });
