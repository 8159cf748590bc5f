// Settings: provider keys (enter, check with the provider, remove; once stored a key is shown
// only as "set, ends in …4f2a") and the project's generation settings.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { KeyCheck, KeyStatus } from '../../../../shared/domain/jobs';
import { call, errorMessage } from '../../api/client';
import { useCurrentProject } from '../../api/queries';
import { Dialog } from '../takes/Dialog';
import { GearIcon } from '../queue/icons';
import { jobKeys, useGenerationSettings, useJobAction, useKeyStatus } from '../queue/jobsApi';
import { useQueueUi } from '../queue/store';
import './settings.css';

const SOURCES: Record<NonNullable<KeyStatus['source']>, string> = {
  vault: 'stored encrypted on this computer',
  env: 'from the environment',
  session: 'for this session only',
};

/** The header's gear button and the dialog it opens. */
export function SettingsButton() {
  const open = useQueueUi((s) => s.settingsOpen);
  const setOpen = useQueueUi((s) => s.setSettingsOpen);
  return (
    <>
      <button type="button" className="icon-btn" aria-label="Settings" title="Settings: provider keys and generation" onClick={() => setOpen(true)}>
        <GearIcon />
      </button>
      <Dialog open={open} title="Settings" className="settings-dialog" onClose={() => setOpen(false)}>
        <SettingsBody />
      </Dialog>
    </>
  );
}

function SettingsBody() {
  const keys = useKeyStatus().data ?? [];
  const project = useCurrentProject().data;
  return (
    <div className="settings-body">
      <section aria-labelledby="settings-keys">
        <h3 id="settings-keys">Provider keys</h3>
        <p className="settings-note">Keys stay in this computer&apos;s key store, never in a project. Without any, shots render with the local animatic.</p>
        {keys.map((k) => (
          <KeyRow key={k.provider} status={k} />
        ))}
      </section>
      <section aria-labelledby="settings-generation">
        <h3 id="settings-generation">Generation{project ? ` in “${project.title}”` : ''}</h3>
        {project ? <GenerationForm /> : <p className="settings-note">Open a project to change its generation settings.</p>}
      </section>
    </div>
  );
}

/** The one-word answer a key check gives, before the provider's own words. */
const VERDICTS: Record<KeyCheck['verdict'], string> = {
  works: 'Works.',
  wrong: 'Key refused.',
  no_credit: 'No credit left.',
  unreachable: 'No answer.',
};

function KeyRow({ status }: { status: KeyStatus }) {
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [check, setCheck] = useState<KeyCheck | null>(null);
  const [baseUrl, setBaseUrl] = useState(status.baseUrl);
  const done = (next: KeyStatus[]) => {
    qc.setQueryData(jobKeys.keys, next);
    setCheck(null);
  };
  const onError = (err: unknown) => setCheck({ ok: false, verdict: 'unreachable', detail: errorMessage(err) });
  const save = useMutation({
    mutationFn: () => call('settings.setKey', { provider: status.provider, values }),
    onSuccess: (next) => (done(next), setValues({})),
    onError,
  });
  const remove = useMutation({ mutationFn: () => call('settings.removeKey', { provider: status.provider }), onSuccess: done, onError });
  const test = useMutation({ mutationFn: () => call('settings.checkKey', { provider: status.provider }), onSuccess: setCheck, onError });
  const saveUrl = useMutation({
    mutationFn: () => call('settings.setBaseUrl', { provider: status.provider, baseUrl: baseUrl.trim() || null }),
    onSuccess: done,
    onError,
  });
  const filled = status.envNames.every((n) => (values[n] ?? '').trim());
  const busy = save.isPending || remove.isPending || test.isPending || saveUrl.isPending;
  const id = `key-${status.provider}`;
  return (
    <div className="key-row" data-provider={status.provider} data-testid={id} role="group" aria-labelledby={`${id}-name`}>
      <div className="key-head">
        <span className="key-name" id={`${id}-name`}>
          {status.name}
        </span>
        <span className={`key-state${status.set ? ' is-set' : ''}`} data-testid={`${id}-state`}>
          {status.set ? `Set${status.last4 ? `, ends in …${status.last4}` : ''} (${SOURCES[status.source ?? 'env']})` : 'Not set'}
        </span>
      </div>
      {status.warning && <p className="settings-warning">{status.warning}</p>}
      <div className="key-fields">
        {status.envNames.map((name) => (
          <label key={name} className="key-field">
            <span>{name}</span>
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={status.set ? 'Enter a new key to replace it' : 'Paste the key'}
              value={values[name] ?? ''}
              onChange={(e) => setValues({ ...values, [name]: e.target.value })}
            />
          </label>
        ))}
        <div className="key-actions">
          <button type="button" className="btn btn-small btn-primary" disabled={!filled || busy} onClick={() => save.mutate()}>
            Save
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!status.set || busy}
            onClick={() => test.mutate()}
            title={`Asks ${status.name} whether the key works (a free call)`}
          >
            Check
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!status.set || status.source === 'env' || busy}
            onClick={() => remove.mutate()}
            title={status.source === 'env' ? 'Set in the environment: unset it there' : 'Forget this key'}
          >
            Remove
          </button>
        </div>
      </div>
      {check && (
        <p className={`key-check${check.ok ? ' is-ok' : ' is-bad'}`} role="status" data-verdict={check.verdict}>
          <strong>{VERDICTS[check.verdict]}</strong> {check.detail}
        </p>
      )}
      <details className="key-advanced">
        <summary>Base URL</summary>
        <div className="key-url">
          <input aria-label={`${status.name} base URL`} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} spellCheck={false} />
          <button type="button" className="btn btn-small" disabled={busy || baseUrl === status.baseUrl} onClick={() => saveUrl.mutate()}>
            Use
          </button>
        </div>
        <p className="settings-note">For a proxy or a local test server. SHOTLINE_{status.provider.toUpperCase()}_BASE_URL overrides it.</p>
      </details>
    </div>
  );
}

function GenerationForm() {
  const settings = useGenerationSettings().data;
  const set = useJobAction('settings.setGeneration');
  const [poll, setPoll] = useState<string | null>(null);
  if (!settings) return null;
  const pollText = poll ?? (settings.pollIntervalS === null ? '' : String(settings.pollIntervalS));
  const commitPoll = () => {
    if (poll === null) return;
    const value = poll.trim() === '' ? null : Number(poll);
    setPoll(null);
    if (value === null || (Number.isFinite(value) && value >= 0.05)) set.mutate({ pollIntervalS: value });
  };
  return (
    <div className="generation-form">
      <label className="settings-field">
        <span>Takes per Generate</span>
        <select value={settings.defaultTakes} onChange={(e) => set.mutate({ defaultTakes: Number(e.target.value) })}>
          {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="settings-field">
        <span>Poll interval (s)</span>
        <input
          inputMode="decimal"
          placeholder="Each provider's own"
          value={pollText}
          onChange={(e) => setPoll(e.target.value)}
          onBlur={commitPoll}
          onKeyDown={(e) => e.key === 'Enter' && commitPoll()}
        />
      </label>
      <p className="settings-note">Empty: as often as each provider documents (Runway: every 5 s at most). Faster is used only against a custom base URL.</p>
      <label className="settings-check">
        <input type="checkbox" checked={settings.allowFallback} onChange={(e) => set.mutate({ allowFallback: e.target.checked })} />
        <span>When a provider is down, switch waiting takes to their shot&apos;s fallback tool without asking</span>
      </label>
    </div>
  );
}
