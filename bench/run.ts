// `npm run bench`: prints figures, asserts nothing. Tests never depend on timing.
import { cutBench } from './cut';
import { exportBench } from './export';
import { jobsBench } from './jobs';
import { mib, report } from './report';
import { libraryBench } from './library';
import { playerBench } from './player';
import { timelineBench } from './timeline';

await timelineBench();
await libraryBench();
await jobsBench();
await playerBench();
await cutBench();
await exportBench();
// maxRSS is the peak of this process, which plays the main process (core + devhost).
report('main process', { 'peak memory (maxRSS)': mib(process.resourceUsage().maxRSS * 1024) });
