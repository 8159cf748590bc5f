import { initial } from './0001-initial';
import { budgetAndTiers } from './0002-budget-and-tiers';
import { assets } from './0003-assets';
import { library } from './0004-library';
import { jobs } from './0005-jobs';
import { takesReview } from './0006-takes-review';
import { dialogueLines } from './0007-dialogue-lines';
import { scriptLinks } from './0008-script-links';
import { shotListFields } from './0009-shot-list-fields';
import { frames } from './0010-frames';
import { music } from './0011-music';
import { voices } from './0012-voices';
import { soundPlan } from './0013-sound-plan';
import { assetProbes } from './0014-asset-probes';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  initial,
  budgetAndTiers,
  assets,
  library,
  jobs,
  takesReview,
  dialogueLines,
  scriptLinks,
  shotListFields,
  frames,
  music,
  voices,
  soundPlan,
  assetProbes,
];
export const SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
