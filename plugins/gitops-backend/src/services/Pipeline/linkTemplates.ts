import type {
  ClusterLinks,
  LinkPlaceholder,
} from '@gitops-portal/plugin-gitops-common';

/**
 * Fills a deep-link template (validated at start-up by clusterLinksSchema): each `{placeholder}` becomes its value,
 * URI-encoded. A template naming a value not given yields no link rather than a broken one.
 */
export function fillLinkTemplate(
  template: string | undefined,
  values: Partial<Record<LinkPlaceholder, string | number>>,
): string | undefined {
  if (!template) return undefined;
  let missing = false;
  const url = template.replace(/\{([a-z]+)\}/g, (_, name: LinkPlaceholder) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing = true;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  return missing ? undefined : url;
}

/** The engine UI template for a delivering object's kind: Argo CD for an Application, Flux for the others. */
export function engineLinkTemplate(
  links: ClusterLinks | undefined,
  kind: string,
): string | undefined {
  return kind === 'Application' ? links?.argocd : links?.flux;
}
