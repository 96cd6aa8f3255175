/** `ui:options` of `GitopsEnvironmentPicker`. */
export interface EnvironmentPickerUiOptions {
  /**
   * Leave out the first or the last environment of the delivery order: a promotion goes from any environment but
   * the last (`omit: last`) to any but the first (`omit: first`).
   */
  omit?: 'first' | 'last';
}

/** The environments a picker offers, in delivery order. */
export function environmentChoices(
  environments: string[],
  options: EnvironmentPickerUiOptions = {},
): string[] {
  if (options.omit === 'first') return environments.slice(1);
  if (options.omit === 'last') return environments.slice(0, -1);
  return environments;
}
