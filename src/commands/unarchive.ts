// `mt-review unarchive ID...`: archive --undo under its own name.
export { unarchiveCommand as command } from './archive.ts';
