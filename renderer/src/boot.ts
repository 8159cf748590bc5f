// Imported first by main.tsx, so it runs before the rest of the bundle (React and all) is
// evaluated: the first screen's reads are on their way meanwhile.
import { sendFirstReads } from './firstReads';

sendFirstReads();
