// Cost per usable second beside the plan: what the takes of each shot cost ÷ the seconds of its
// circled take that play in the cut — the figure reviewers judge a tool by. Shots with spend
// and nothing usable yet are listed too: that money bought no footage so far.
import { useUsableCost } from '../../api/takes';
import { formatSeconds, formatUsd } from '../../lib/format';

export function UsableCost() {
  const cost = useUsableCost();
  const data = cost.data;
  if (!data || data.film.spentUsd === 0) return null;
  const shots = data.shots.filter((s) => s.spentUsd > 0).sort((a, b) => (b.usdPerUsableS ?? Infinity) - (a.usdPerUsableS ?? Infinity));
  const { film } = data;
  return (
    <section aria-label="Cost per usable second" className="usable-cost">
      <h3>Per usable second</h3>
      <div className="usable-film">
        <span className="usable-rate" data-testid="usable-rate">
          {film.usdPerUsableS !== null ? `${formatUsd(film.usdPerUsableS)}/s` : '—'}
        </span>
        <span className="muted">
          {formatUsd(film.spentUsd)} spent on takes · {formatSeconds(film.usableS)} in the cut
        </span>
      </div>
      {shots.length > 0 && (
        <table className="cost-table" aria-label="Cost per usable second by shot">
          <thead>
            <tr>
              <th scope="col">Shot</th>
              <th scope="col" className="num">
                Spent
              </th>
              <th scope="col" className="num">
                Usable
              </th>
              <th scope="col" className="num">
                Per s
              </th>
            </tr>
          </thead>
          <tbody>
            {shots.slice(0, 12).map((s) => (
              <tr key={s.shotId}>
                <th scope="row">{s.label}</th>
                <td className="num">{formatUsd(s.spentUsd)}</td>
                <td className="num muted">{s.usableS ? formatSeconds(s.usableS) : '—'}</td>
                <td className={`num${s.usdPerUsableS === null ? ' usable-none' : ''}`}>{s.usdPerUsableS !== null ? formatUsd(s.usdPerUsableS) : 'none yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shots.length > 12 && <p className="muted">…and {shots.length - 12} more shots with takes.</p>}
    </section>
  );
}
