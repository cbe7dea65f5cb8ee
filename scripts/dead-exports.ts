// Dead exports: exports of src/ that nothing imports (no module of src, test, scripts, bench or
// fuzz, no dynamic import, not an entry loaded by path, ENTRIES) and that their own file does not
// use either, i.e. code nothing runs. Resolution is the TypeScript compiler's own, so re-exports,
// `import type` and namespace imports count. `npm run check:exports`; exit 1 with a list when any
// is found. `--local` also lists exports used only inside their own file (informational).
import ts from 'typescript';
import { relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** Modules loaded by path string (bin/*.mjs, lib/index.mjs): every export is their API. */
const ENTRIES = ['src/index.ts', 'src/cli/main.ts', 'src/experiments/run-worker.ts', 'src/metrics/invocation-rows/writer-thread-main.ts'];

const config = ts.getParsedCommandLineOfConfigFile(
  resolve(ROOT, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(String(d.messageText));
    },
  },
);
if (!config) throw new Error('no tsconfig.json');
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const rel = (f: string): string => relative(ROOT, f);
const ours = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !rel(f.fileName).startsWith('..') && !rel(f.fileName).includes('node_modules'));

const used = new Set<ts.Symbol>();
const wholeModule = new Set<string>();
const original = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);

/** Every export of the module `spec` names counts as used (namespace import, `export *`, `import()`). */
function markModule(spec: ts.Expression): void {
  const m = checker.getSymbolAtLocation(spec);
  if (m?.valueDeclaration) wholeModule.add(m.valueDeclaration.getSourceFile().fileName);
}

for (const sf of ours) {
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && node.importClause) {
      const c = node.importClause;
      if (c.name) {
        const s = checker.getSymbolAtLocation(c.name);
        if (s) used.add(original(s));
      }
      const b = c.namedBindings;
      if (b && ts.isNamedImports(b))
        for (const el of b.elements) {
          const s = checker.getSymbolAtLocation(el.name);
          if (s) used.add(original(s));
        }
      if (b && ts.isNamespaceImport(b)) markModule(node.moduleSpecifier);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const el of node.exportClause.elements) {
          const s = checker.getSymbolAtLocation(el.name);
          if (s) used.add(original(s));
        }
      } else markModule(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      markModule(node.arguments[0]);
    } else if (ts.isImportTypeNode(node)) {
      // import('./x.ts').Name in a type position
      if (ts.isLiteralTypeNode(node.argument)) markModule(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** Identifiers in `sf` that name `s`, other than the declaration's own name. */
function localUses(sf: ts.SourceFile, s: ts.Symbol): number {
  let n = 0;
  const names = new Set((s.declarations ?? []).map((d) => ts.getNameOfDeclaration(d)).filter((x) => x !== undefined));
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === s.getName() && !names.has(node)) {
      const t = checker.getSymbolAtLocation(node);
      if (t && (t === s || original(t) === s || checker.getExportSymbolOfSymbol(t) === s)) n++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return n;
}

const dead: string[] = [];
const localOnly: string[] = [];
for (const sf of ours) {
  const name = rel(sf.fileName);
  if (!name.startsWith('src/') || ENTRIES.includes(name) || wholeModule.has(sf.fileName)) continue;
  const mod = checker.getSymbolAtLocation(sf);
  if (!mod) continue;
  for (const exp of checker.getExportsOfModule(mod)) {
    const s = original(exp);
    if (used.has(s) || used.has(exp)) continue;
    const decl = s.declarations?.[0];
    // Only exports declared in this file (a re-export's target is judged in its own file).
    if (!decl || decl.getSourceFile() !== sf) continue;
    const line = sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
    (localUses(sf, s) > 0 ? localOnly : dead).push(`${name}:${line} ${exp.getName()}`);
  }
}
if (process.argv.includes('--local')) for (const d of localOnly) console.log(`export only: ${d}`);
for (const d of dead) console.log(d);
if (dead.length > 0) {
  console.log(`${dead.length} export(s) nothing imports`);
  process.exitCode = 1;
}
