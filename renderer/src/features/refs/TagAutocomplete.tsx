// @tag completion for every text field of the inspector form it sits in: typing "@ma" offers
// the library's tags that start so, each with the slot it fills. It listens on the form, so the
// fields themselves stay plain; a pick goes through the field's own onChange (a native input
// event), so drafts and undo work as for typing.
import { useEffect, useRef, useState } from 'react';
import type { LibraryItem, ShotRef } from '../../../../shared/domain/library';
import { tagAtCaret } from '../../../../shared/domain/tags';
import { useTypingTag } from './typingTag';

type Field = HTMLInputElement | HTMLTextAreaElement;

interface Open {
  field: Field;
  start: number;
  caret: number;
  matches: LibraryItem[];
  index: number;
  left: number;
  top: number;
}

function isTextField(el: EventTarget | null): el is Field {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && (el.type === 'text' || el.type === ''));
}

/** Sets the value the way typing does, so React's onChange sees it. */
function typeInto(field: Field, value: string, caret: number) {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.setSelectionRange(caret, caret);
}

export function TagAutocomplete({ items, refs }: { items: LibraryItem[]; refs: ShotRef[] }) {
  const anchor = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const state = useRef<{ open: Open | null; items: LibraryItem[] }>({ open: null, items });
  useEffect(() => {
    state.current = { open, items };
  });
  useEffect(() => {
    useTypingTag.getState().set(open ? (tagAtCaret(open.field.value, open.caret)?.query ?? null) : null);
  }, [open]);

  useEffect(() => {
    const form = anchor.current?.closest('form');
    if (!form) return;
    const update = (field: Field) => {
      const caret = field.selectionStart ?? field.value.length;
      const at = tagAtCaret(field.value, caret);
      if (!at || field.closest('.lib-details')) return setOpen(null);
      const q = at.query.toLowerCase();
      const matches = state.current.items.filter((i) => i.tag.toLowerCase().startsWith(q) || i.name.toLowerCase().startsWith(q)).slice(0, 8);
      if (matches.length === 0 || (matches.length === 1 && matches[0]!.tag === at.query)) return setOpen(null);
      const box = field.getBoundingClientRect();
      setOpen({ field, start: at.start, caret, matches, index: 0, left: box.left, top: box.bottom + 2 });
    };
    const accept = (o: Open, item: LibraryItem) => {
      const v = o.field.value;
      const insert = `@${item.tag} `;
      typeInto(o.field, v.slice(0, o.start) + insert + v.slice(o.caret).replace(/^\s+/, ''), o.start + insert.length);
      setOpen(null);
    };
    const onInput = (e: Event) => isTextField(e.target) && update(e.target);
    const onKeyDown = (e: KeyboardEvent) => {
      const o = state.current.open;
      if (!o || e.target !== o.field) return;
      const n = o.matches.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setOpen({ ...o, index: (o.index + (e.key === 'ArrowDown' ? 1 : n - 1)) % n });
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        e.stopPropagation();
        accept(o, o.matches[o.index]!);
      } else if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(null);
      }
    };
    // Closes the list of the field that lost focus only: leaving one field for another must not
    // close the list the next field opens within the delay (kept so a click on the list lands).
    const onBlur = (e: FocusEvent) => {
      const left = e.target;
      setTimeout(() => setOpen((o) => (o && o.field === left ? null : o)), 150);
    };
    const onPick = (e: Event) => {
      const o = state.current.open;
      const id = (e.target as HTMLElement).closest('[data-tag-item]')?.getAttribute('data-tag-item');
      const item = o && state.current.items.find((i) => i.id === id);
      if (o && item) {
        e.preventDefault();
        accept(o, item);
        o.field.focus();
      }
    };
    form.addEventListener('input', onInput);
    form.addEventListener('keydown', onKeyDown, true);
    form.addEventListener('focusout', onBlur);
    document.addEventListener('mousedown', onPick, true);
    return () => {
      form.removeEventListener('input', onInput);
      form.removeEventListener('keydown', onKeyDown, true);
      form.removeEventListener('focusout', onBlur);
      document.removeEventListener('mousedown', onPick, true);
    };
  }, []);

  const slotOf = (tag: string) => refs.findIndex((r) => r.tag === tag);
  return (
    <span ref={anchor} className="tag-complete-anchor">
      {open && (
        <ul className="tag-complete" role="listbox" aria-label="Library tags" style={{ left: open.left, top: open.top }}>
          {open.matches.map((item, i) => {
            const slot = slotOf(item.tag);
            return (
              <li key={item.id} role="option" aria-selected={i === open.index} data-tag-item={item.id}>
                <code>@{item.tag}</code> <span className="tag-complete-name">{item.name}</span>
                <span className={`tag-complete-slot${slot < 0 ? ' is-missing' : ''}`}>{slot < 0 ? 'no slot' : `slot ${slot + 1}`}</span>
              </li>
            );
          })}
        </ul>
      )}
    </span>
  );
}
