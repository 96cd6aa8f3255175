import { builtinResources } from './builtins';
import { crdToResourceType } from './crdResource';
import { KubeObject } from '../types';
import { compareVersions, ResourceType } from './resourceType';

/** Which resources a cluster serves: the built-ins plus one per established CRD. */
export class ResourceRegistry {
  private readonly byGroup = new Map<string, Map<string, ResourceType>>();
  private readonly byCrdName = new Map<string, ResourceType>();

  constructor() {
    for (const rt of builtinResources()) this.add(rt);
  }

  find(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    const rt = this.byGroup.get(group)?.get(plural);
    return rt && rt.versions.includes(version) ? rt : undefined;
  }

  findByKind(
    group: string,
    version: string,
    kind: string,
  ): ResourceType | undefined {
    for (const rt of this.byGroup.get(group)?.values() ?? []) {
      if (rt.kind === kind && rt.versions.includes(version)) return rt;
    }
    return undefined;
  }

  /** Non-core groups with their served versions, preferred first. */
  groups(): Array<{ name: string; versions: string[] }> {
    const result: Array<{ name: string; versions: string[] }> = [];
    for (const [name, resources] of this.byGroup) {
      if (name === '' || resources.size === 0) continue;
      const versions = new Set<string>();
      for (const rt of resources.values())
        rt.versions.forEach(v => versions.add(v));
      result.push({ name, versions: [...versions].sort(compareVersions) });
    }
    return result;
  }

  resourcesIn(group: string, version: string): ResourceType[] {
    return [...(this.byGroup.get(group)?.values() ?? [])].filter(rt =>
      rt.versions.includes(version),
    );
  }

  all(): ResourceType[] {
    return [...this.byGroup.values()].flatMap(m => [...m.values()]);
  }

  /** Registers (or re-registers after an update) the resource of a CRD; returns it. */
  registerCrd(crd: KubeObject): ResourceType {
    const rt = crdToResourceType(crd);
    this.unregisterCrd(crd.metadata.name!);
    this.add(rt);
    this.byCrdName.set(crd.metadata.name!, rt);
    return rt;
  }

  unregisterCrd(crdName: string): ResourceType | undefined {
    const rt = this.byCrdName.get(crdName);
    if (!rt) return undefined;
    this.byCrdName.delete(crdName);
    const resources = this.byGroup.get(rt.group);
    resources?.delete(rt.plural);
    if (resources?.size === 0) this.byGroup.delete(rt.group);
    return rt;
  }

  private add(rt: ResourceType) {
    let resources = this.byGroup.get(rt.group);
    if (!resources) {
      resources = new Map();
      this.byGroup.set(rt.group, resources);
    }
    resources.set(rt.plural, rt);
  }
}
