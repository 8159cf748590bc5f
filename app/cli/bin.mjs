#!/usr/bin/env node
// The `shotline` bin. The CLI is TypeScript run through tsx's loader, so `npx shotline` works
// from a fresh checkout with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
