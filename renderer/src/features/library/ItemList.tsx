// The library items, virtualized: a film's library can hold hundreds of references and only
// the rows in view are mounted (an open item's details grow its row; rows are measured).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { LibraryItem } from '../../../../shared/domain/library';
import { ItemCard } from './ItemCard';
import { useLibraryUi } from './store';

const ROW = 54;

export function ItemList({ items, empty }: { items: LibraryItem[]; empty: string | null }) {
  const scroll = useRef<HTMLDivElement>(null);
  const openId = useLibraryUi((s) => s.openItemId);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroll.current,
    estimateSize: (i) => (items[i]?.id === openId ? 420 : ROW),
    getItemKey: (i) => items[i]?.id ?? i,
    overscan: 6,
  });
  return (
    <div className="lib-scroll" ref={scroll}>
      <ul className="lib-items" aria-label="Library items" data-count={items.length} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <ItemCard
              key={row.key}
              item={item}
              index={row.index}
              setSize={items.length}
              measure={virtualizer.measureElement}
              style={{ transform: `translateY(${row.start}px)` }}
            />
          );
        })}
      </ul>
      {empty && <p className="field-hint lib-none">{empty}</p>}
    </div>
  );
}
