// Checks request bodies against a provider's official TypeScript types by compiling them: each
// body becomes `const c<i>: <Type> = <body as a literal>;` in a virtual file beside the project's
// node_modules, and the compiler's own diagnostics are the verdict. Literal types (ratios,
// durations, model ids) and excess-property checks make this as strict as the SDK's types are.
import path from 'node:path';
import ts from 'typescript';

export interface TypedBody {
  /** Shown with any error, e.g. "gen4.5 1:1 5 s, no images → /v1/text_to_video". */
  name: string;
  /** A type expression valid after `imports`, e.g. `RunwayML.TextToVideoCreateParams`. */
  type: string;
  body: unknown;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = path.join(ROOT, 'test/contract/__bodies__.ts');

/** Every case the official types refuse, as "name: compiler message"; empty when all pass. */
export function typeErrors(imports: string, cases: TypedBody[]): string[] {
  const lines = [imports, ...cases.map((c, i) => `export const c${i}: ${c.type} = ${JSON.stringify(shorten(c.body))};`)];
  const firstCaseLine = imports.split('\n').length;
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => f === FILE || fileExists(f);
  host.readFile = (f) => (f === FILE ? source : readFile(f));
  host.getSourceFile = (f, lang, ...rest) => (f === FILE ? ts.createSourceFile(f, source, lang) : getSourceFile(f, lang, ...rest));
  const program = ts.createProgram([FILE], options, host);
  const file = program.getSourceFile(FILE)!;
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => {
    const line = d.start === undefined ? -1 : file.getLineAndCharacterOfPosition(d.start).line;
    const which = cases[line - firstCaseLine]?.name ?? 'imports';
    return `${which}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n').slice(0, 3).join(' / ')}`;
  });
}

/** Image payloads are strings to the types; a short stand-in keeps the virtual file small. */
function shorten(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 40)}…` : value;
  if (Array.isArray(value)) return value.map(shorten);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  return value;
}
