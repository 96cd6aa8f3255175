/**
 * Jest helpers for packages whose tests talk to the emulator (`@internal/github-emulator/testUtils`).
 *
 * @packageDocumentation
 */
export { unpacedThrottling } from './unpacedThrottling';
