/**
 * The folder of a config-repo place that is the service's own: its nearest ancestor (or itself) named after the
 * service (`apps/web/overlays/prod/` → `apps/web`, `teams/a/web/prod/values.yaml` → `teams/a/web`). Undefined for
 * a place in a folder shared with other services (Flux's `apps/production/web-values.yaml`).
 *
 * @public
 */
export function serviceFolderOf(
  path: string,
  service: string,
): string | undefined {
  const parts = path.replace(/\/+$/, '').split('/');
  const at = parts.lastIndexOf(service);
  return at < 0 ? undefined : parts.slice(0, at + 1).join('/');
}
