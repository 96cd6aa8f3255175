export { createLocalReconciler } from './createLocalReconciler';
