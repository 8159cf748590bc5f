// Kling API, AK/SK v1 (docs/providers.md, Kling). Every response is the envelope {code, message,
// request_id, data}; a non-zero code is an error whatever the HTTP status. Kling is the one API
// here with a client task id: `external_task_id` = the job's externalId, so after a crash or a
// create that timed out, `findByExternalId` tells the engine whether the task exists.
//
// Remote ids are `<endpoint>:<task_id>` (e.g. `image2video:8c1…`): a task is read back from the
// endpoint that made it.
import type { KeyCheck } from '../../../../shared/domain/jobs';
import { UNIT_USD } from '../../../../shared/catalog/kling';
import { checkKeyWith, contentFilterReason, HttpClient, permanent, type Reply, type SendOptions } from '../http';
import { endFrameOf, imageBase64, keysOf, noKey, tierOf } from '../request';
import {
  ProviderError,
  type AdapterConfig,
  type GenerationRequest,
  type ImageInput,
  type PollResult,
  type ProviderAdapter,
  type ProviderErrorKind,
  type SubmitResult,
} from '../types';
import { klingToken } from './jwt';

type Kind = 'text2video' | 'image2video' | 'multi-image2video';

/** The list endpoint's largest page and how many pages a lookup reads: recent tasks come first. */
const PAGE_SIZE = 500;
const LOOKUP_PAGES = 2;

interface Task {
  task_id: string;
  task_status: string;
  task_status_msg?: string;
  task_info?: { external_task_id?: string };
  final_unit_deduction?: string;
  task_result?: { videos?: Array<{ url: string }> };
}

interface Envelope {
  code: number;
  message?: string;
  data?: unknown;
}

/** Plain words for the error codes that need more than Kling's own message. */
const CODE_HINTS: Record<number, string> = {
  1100: 'Kling reports a problem with the account',
  1101: 'the Kling account is in arrears: settle the bill, then retry',
  1102: 'the Kling resource pack is used up or expired: buy more units, then retry',
  1103: 'this Kling key has no access to this model',
  1300: "Kling's platform policy refused the request",
  1303: "all of the account's Kling task slots are busy",
  1304: "this machine's IP address is not on the Kling key's whitelist",
};

export class KlingAdapter implements ProviderAdapter {
  readonly provider = 'kling' as const;
  private readonly http: HttpClient;
  private readonly accessKey: string;
  private readonly secretKey: string;

  constructor(cfg: AdapterConfig) {
    [this.accessKey = '', this.secretKey = ''] = keysOf('kling', cfg);
    this.http = new HttpClient(cfg, 'Kling', [this.accessKey, this.secretKey]);
  }

  async submit(req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult> {
    const tier = tierOf(req);
    const end = endFrameOf(req, tier);
    const spec = req.model;
    const kind = kindOf(req);
    const image = (img: ImageInput) => imageBase64(img, 'kling');
    const body: Record<string, unknown> = {
      model_name: spec.model,
      prompt: req.prompt.text,
      ...(req.prompt.negative ? { negative_prompt: req.prompt.negative } : {}),
      // std/pro is Kling's 720p/1080p; master models have no mode (catalog tier.mode null).
      ...(tier.mode ? { mode: tier.mode } : {}),
      // Strings, not numbers.
      duration: String(req.durationS),
      // Only when asked: it doubles the price (validation keeps it to pro, without an end frame).
      ...(req.askSound && spec.soundOption ? { sound: 'on' } : {}),
      external_task_id: req.externalId,
    };
    if (kind === 'image2video') {
      // Raw base64: Kling refuses a data: prefix.
      body.image = await image(req.startFrame!);
      if (end) body.image_tail = await image(end);
    } else if (kind === 'multi-image2video') {
      if (req.references.length > spec.maxRefs) {
        throw permanent(`${spec.name} takes at most ${spec.maxRefs} reference images; this shot has ${req.references.length}.`, 'too_many_refs');
      }
      body.image_list = await Promise.all(req.references.map(async (r) => ({ image: await imageBase64(r, 'kling') })));
      body.aspect_ratio = req.aspectRatio;
    } else {
      body.aspect_ratio = req.aspectRatio;
    }
    const data = (await this.call(`/v1/videos/${kind}`, { json: body, signal })).data as Task | undefined;
    if (!data?.task_id) throw new ProviderError('transient', 'Kling accepted the request but sent no task id.', { code: 'no_task_id' });
    return { remoteId: `${kind}:${data.task_id}`, raw: this.http.redact(data) };
  }

  async poll(remoteId: string, signal?: AbortSignal): Promise<PollResult> {
    const [kind, id] = splitId(remoteId);
    const task = (await this.call(`/v1/videos/${kind}/${encodeURIComponent(id)}`, { signal })).data as Task;
    const raw = this.http.redact(task);
    switch (task.task_status) {
      case 'submitted':
        return { state: 'queued', progress: null, raw };
      case 'processing':
        return { state: 'running', progress: null, raw };
      case 'succeed': {
        const url = task.task_result?.videos?.[0]?.url;
        if (!url) return { state: 'failed', reason: 'Kling reported success but sent no video.', code: 'no_output', retryable: true, raw };
        // The real charge, in units; converted at the catalog's (uncertain) unit price.
        const units = Number(task.final_unit_deduction);
        return { state: 'succeeded', outputUrl: url, costUsd: Number.isFinite(units) && task.final_unit_deduction ? units * UNIT_USD : null, raw };
      }
      case 'failed':
        return { state: 'failed', ...failure(task.task_status_msg ?? ''), raw };
      default:
        throw new ProviderError('transient', `Kling sent a task status Shotline does not know: ${String(task.task_status)}.`, { code: 'unknown_status', raw });
    }
  }

  /**
   * The task created with this external id, or null when Kling has none. Asks the query endpoint
   * with the external id in the id slot first (the docs allow either id there); since how
   * the server tells them apart is UNCERTAIN, it then reads the newest list pages.
   */
  async findByExternalId(externalId: string, req: GenerationRequest): Promise<SubmitResult | null> {
    const kind = kindOf(req);
    const match = (t: Task | undefined) => t?.task_info?.external_task_id === externalId && t.task_id;
    try {
      const task = (await this.call(`/v1/videos/${kind}/${encodeURIComponent(externalId)}`, {})).data as Task | undefined;
      if (match(task)) return { remoteId: `${kind}:${task!.task_id}`, raw: this.http.redact(task) };
    } catch (err) {
      // "Not found" (or an id the server will not read this way) is permanent; anything else is real.
      if (!(err instanceof ProviderError && err.kind === 'permanent')) throw err;
    }
    for (let page = 1; page <= LOOKUP_PAGES; page++) {
      const tasks = ((await this.call(`/v1/videos/${kind}?pageNum=${page}&pageSize=${PAGE_SIZE}`, {})).data ?? []) as Task[];
      const found = tasks.find(match);
      if (found) return { remoteId: `${kind}:${found.task_id}`, raw: this.http.redact(found) };
      if (tasks.length < PAGE_SIZE) break;
    }
    return null;
  }

  /** Kling keeps outputs 30 days; the URL is signed, so a 403 means re-query it. */
  download(url: string, dest: string, signal?: AbortSignal): Promise<void> {
    return this.http.download(url, dest, { signedUrl: true, signal });
  }

  checkKey(): Promise<KeyCheck> {
    return checkKeyWith(async () => {
      await this.call('/v1/videos/text2video?pageNum=1&pageSize=1', {});
      // Kling answers an empty balance (1101/1102) only when a task is made; this call cannot see it.
      return { detail: 'The access key and secret key work. Kling shows the units left only in its console.' };
    });
  }

  private async call(path: string, opts: SendOptions): Promise<Envelope> {
    if (!this.accessKey || !this.secretKey) throw noKey('kling');
    const headers = { Authorization: `Bearer ${klingToken(this.accessKey, this.secretKey, this.http.now())}` };
    const reply = await this.http.send(path, { ...opts, headers });
    const env = reply.body as Envelope | null;
    if (reply.status === 200 && env?.code === 0) return env;
    throw this.error(reply, env);
  }

  private error(reply: Reply, env: Envelope | null): ProviderError {
    const code = typeof env?.code === 'number' ? env.code : null;
    const said = env?.message || `HTTP ${reply.status}`;
    if (code === null) return this.http.statusError(reply, said);
    let kind: ProviderErrorKind;
    let reason = CODE_HINTS[code] ? `${CODE_HINTS[code]} (${said})` : said;
    if (code >= 1000 && code <= 1004) kind = 'auth';
    else if (code === 1302 || code === 1303) kind = 'rate_limited';
    else if (code >= 5000) kind = 'transient';
    else kind = 'permanent';
    if (code === 1301) reason = contentFilterReason(said);
    return this.http.statusError(reply, reason, { kind, code: String(code), label: `HTTP ${reply.status}, code ${code}` });
  }
}

/** The endpoint a request goes to: start frame → image2video; references → multi-image2video. */
function kindOf(req: GenerationRequest): Kind {
  if (req.startFrame) return 'image2video';
  if (req.references.length > 0 && req.model.endpoints.includes('references-to-video')) return 'multi-image2video';
  if (req.model.requiresImage) throw permanent(`${req.model.name} needs a start keyframe. Add one to the shot.`, 'needs_start_frame');
  return 'text2video';
}

function splitId(remoteId: string): [Kind, string] {
  const i = remoteId.indexOf(':');
  const kind = remoteId.slice(0, i);
  if (kind !== 'text2video' && kind !== 'image2video' && kind !== 'multi-image2video') {
    throw permanent(`"${remoteId}" is not a Kling task id this app made.`, 'bad_remote_id');
  }
  return [kind, remoteId.slice(i + 1)];
}

/**
 * Kling gives only a free-text `task_status_msg`. Failed tasks are not charged, so
 * another try is fine, except for content refusals, recognised by their wording.
 */
function failure(msg: string): { reason: string; code: string | null; retryable: boolean } {
  const text = msg.trim() || 'no reason given';
  if (/risk|sensitive|content|policy|violat|inappropriate/i.test(text)) {
    return { reason: contentFilterReason(text), code: 'content_filter', retryable: false };
  }
  return { reason: `Kling could not make this clip: ${text}.`, code: null, retryable: true };
}
