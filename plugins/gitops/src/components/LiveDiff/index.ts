export { LiveDiff } from './LiveDiff';
export { LiveDiffToggle, liveDiffLink, showsLiveDiff } from './LiveDiffToggle';
