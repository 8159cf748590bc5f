import { useThumbnail } from './libraryApi';

/** A stored thumbnail; a plain box until it arrives. */
export function Thumb({ sha, alt, className = 'thumb' }: { sha: string | null | undefined; alt: string; className?: string }) {
  const { data } = useThumbnail(sha);
  return <span className={className}>{data ? <img src={data} alt={alt} draggable={false} /> : <span className="thumb-empty" aria-hidden="true" />}</span>;
}
