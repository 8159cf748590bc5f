// The library panel lives in features/library; the workspace mounts it from here.
export { LibraryPanel } from '../library/LibraryPanel';
