import { LibraryIcon } from '../../components/icons';

/** Placeholder for the library of characters, locations, props and styles (a later issue). */
export function LibraryPanel() {
  return (
    <section className="library" aria-label="Library">
      <h2 className="panel-title">Library</h2>
      <div className="empty-state">
        <span className="empty-icon" aria-hidden="true">
          <LibraryIcon />
        </span>
        <p className="empty-title">No characters or locations yet</p>
        <p>Characters, locations, props and styles will live here — tag them (@mara) and drop their reference images onto shots.</p>
      </div>
    </section>
  );
}
