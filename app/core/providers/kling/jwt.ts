// Kling's bearer token (docs/providers.md, Kling): an HS256 JWT signed with the SecretKey, iss = the
// AccessKey, valid from 5 s ago (clock skew) for 30 minutes, as in the official Python example.
import { createHmac } from 'node:crypto';

const LIFETIME_S = 1800;
const SKEW_S = 5;

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function klingToken(accessKey: string, secretKey: string, nowMs: number): string {
  const now = Math.floor(nowMs / 1000);
  const signed = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: accessKey, exp: now + LIFETIME_S, nbf: now - SKEW_S })}`;
  return `${signed}.${createHmac('sha256', secretKey).update(signed).digest('base64url')}`;
}
