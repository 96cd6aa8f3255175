import { LabelSelector } from '@gitops-portal/plugin-gitops-common';

/**
 * Values (entities) by the label selectors they claim objects with, looked up by an object's labels. A selector
 * with an equality (`key=value`, `key in (a,b)`, a kubernetes-id) is filed under those key/value pairs, since every
 * object it matches carries one of them; only selectors without any (`key`, `!key`, `key!=v`, `key notin (…)`) are
 * tried on every object. Candidates still have to match: this only narrows them.
 */
export class SelectorIndex<T> {
  private readonly byLabel = new Map<string, Map<string, T[]>>();
  private readonly scanned: T[] = [];

  add(selector: LabelSelector, value: T) {
    const equality = selector.requirements.find(
      r => r.operator === 'Equals' || r.operator === 'In',
    );
    if (!equality) {
      if (!this.scanned.includes(value)) this.scanned.push(value);
      return;
    }
    let byValue = this.byLabel.get(equality.key);
    if (!byValue) this.byLabel.set(equality.key, (byValue = new Map()));
    for (const labelValue of equality.values) {
      const list = byValue.get(labelValue);
      if (!list) byValue.set(labelValue, [value]);
      else if (!list.includes(value)) list.push(value);
    }
  }

  /** Adds to `into` the values whose selector may match these labels. */
  candidates(labels: Record<string, string> | undefined, into: Set<T>) {
    for (const value of this.scanned) into.add(value);
    if (!labels) return;
    for (const key of Object.keys(labels)) {
      const byValue = this.byLabel.get(key);
      if (!byValue) continue;
      for (const value of byValue.get(labels[key]) ?? []) into.add(value);
    }
  }
}
