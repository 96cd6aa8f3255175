export { LiveDiff } from './LiveDiff';
export { LiveDiffToggle, showsLiveDiff } from './LiveDiffToggle';
