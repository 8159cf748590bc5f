import { z } from 'zod';
const s = z.object({ a: z.number(), e: z.enum(['x','y']), t: z.string().refine(v => v.includes(':'), 'bad tool'), n: z.object({q: z.string()}).strict().optional() }).strict();
const r = s.safeParse({ a: 'five', e: 'z', t: 'no', colour: 1, n: { q: 1, w: 2 } }, { reportInput: true });
console.log(JSON.stringify(r.error!.issues, null, 1));
const r2 = s.safeParse({}, { reportInput: true });
console.log(JSON.stringify(r2.error!.issues, null, 1));
console.log(JSON.stringify(z.array(s).safeParse('x',{reportInput:true}).error!.issues));
