import { jobsBench } from './jobs';
await jobsBench();
