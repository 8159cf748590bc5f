// Where a take came from: everything needed to judge it, repeat it or explain its cost.
import type { TakeInfo } from '../../../../shared/domain/takes';
import { getModel } from '../../../../shared/catalog';
import { useMediaUrl } from '../../api/takes';
import { takeCostText } from '../../lib/charged';
import { providerLabel } from '../../lib/labels';

const dateFmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function paramValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function Provenance({ take, fromNumber }: { take: TakeInfo; fromNumber: number | null }) {
  const mediaUrl = useMediaUrl();
  const model = getModel(take.tool)?.name ?? take.model;
  const params = Object.entries(take.params).filter(([k]) => !/key|token|secret/i.test(k));
  const refs = [take.startFrameRelPath, ...take.referenceRelPaths].filter((p): p is string => !!p);
  return (
    <div className="provenance" aria-label="Provenance" role="group">
      <h4>Provenance</h4>
      <dl className="prov-grid">
        <dt>Provider</dt>
        <dd>
          <span className="dot" data-provider={take.provider} /> {providerLabel(take.provider)}
        </dd>
        <dt>Model</dt>
        <dd>
          {model} <code className="muted">{take.tool}</code>
        </dd>
        <dt>Seed</dt>
        <dd>{take.seed ?? <span className="muted">none reported</span>}</dd>
        <dt>Cost</dt>
        <dd data-testid="take-cost">{takeCostText(take, providerLabel(take.provider))}</dd>
        <dt>Generated in</dt>
        <dd>{take.generationS !== null ? `${Math.round(take.generationS)} s` : '—'}</dd>
        <dt>Date</dt>
        <dd>{dateFmt.format(new Date(take.createdAt))}</dd>
        <dt>Media</dt>
        <dd>
          {take.width && take.height ? `${take.width}×${take.height}` : '—'}
          {take.fps ? ` · ${Math.round(take.fps * 100) / 100} fps` : ''}
          {take.durationS ? ` · ${take.durationS.toFixed(2)} s` : ''}
        </dd>
        {fromNumber !== null && (
          <>
            <dt>Made from</dt>
            <dd>Draft take {fromNumber}</dd>
          </>
        )}
      </dl>
      <h5>Prompt sent</h5>
      <code className="preview-text prov-prompt">{take.prompt || '—'}</code>
      {take.negativePrompt && (
        <p className="prov-negative">
          <span className="muted">Negative:</span> {take.negativePrompt}
        </p>
      )}
      {refs.length > 0 && (
        <>
          <h5>{take.startFrameRelPath ? 'Start frame and references' : 'References'}</h5>
          <div className="prov-refs">
            {refs.map((p, i) => (
              <img
                key={`${p}-${i}`}
                src={mediaUrl(p) ?? undefined}
                alt={i === 0 && take.startFrameRelPath ? 'Start frame' : `Reference ${i + (take.startFrameRelPath ? 0 : 1)}`}
              />
            ))}
          </div>
        </>
      )}
      {params.length > 0 && (
        <>
          <h5>Parameters</h5>
          <dl className="prov-grid prov-params">
            {params.map(([k, v]) => (
              <div key={k} className="prov-pair">
                <dt>{k}</dt>
                <dd>{paramValue(v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
