// `npm run bench`: prints figures, asserts nothing. Tests never depend on timing.
import { boardBench } from './board';
import { cliBench } from './cli';
import { cutBench } from './cut';
import { exportBench } from './export';
import { importBench } from './import';
import { jobsBench } from './jobs';
import { mib, report } from './report';
import { libraryBench } from './library';
import { playerBench } from './player';
import { scriptBench } from './script';
import { soundBench } from './sound';
import { timelineBench } from './timeline';

// `npm run bench -- library export` runs only those.
const BENCHES = {
  timeline: timelineBench,
  board: boardBench,
  import: importBench,
  library: libraryBench,
  jobs: jobsBench,
  player: playerBench,
  cut: cutBench,
  export: exportBench,
  script: scriptBench,
  cli: cliBench,
  sound: soundBench,
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length) throw new Error(`No benchmark named ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}.`);
for (const [name, bench] of Object.entries(BENCHES)) if (wanted.length === 0 || wanted.includes(name)) await bench();
// maxRSS is the peak of this process, which plays the main process (core + devhost).
report('main process', { 'peak memory (maxRSS)': mib(process.resourceUsage().maxRSS * 1024) });
