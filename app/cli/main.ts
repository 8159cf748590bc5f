// Entry point for bin.mjs: the real process's streams, folder and environment.
import { run } from './run';

// `shotline list P | head -1`: once the reader has gone, the rest of the output has nowhere to go.
// The command still finishes its work (an import still commits); it just stops printing.
const gone = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    gone.add(stream);
  });
}
const write = (stream: NodeJS.WriteStream, text: string) => void (gone.has(stream) || stream.write(text));

process.exitCode = await run(process.argv.slice(2), {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
  cwd: process.cwd(),
  env: process.env,
  // Carriage return and erase-line: the only escape sequence the CLI itself writes.
  ...(process.stderr.isTTY ? { status: (line: string) => write(process.stderr, `\r\x1b[2K${line}`) } : {}),
});
