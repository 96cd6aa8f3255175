import Typography from '@material-ui/core/Typography';
import type { SyncedSource } from '@gitops-portal/plugin-gitops-common';
import { RevisionCode } from './RevisionLink';

/** What a source points at: the repo, then its chart or path, and the name other sources read it by. */
function sourceText(source: SyncedSource): string {
  return [
    source.repoURL ?? 'unknown repo',
    source.chart ? `chart ${source.chart}` : source.path,
    source.ref ? `ref ${source.ref}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Every source of a multi-source Argo CD Application with the revision it is synced at (a remote Helm chart
 * at its version, the values from the config repo at their commit).
 */
export function ApplicationSources(props: { sources: SyncedSource[] }) {
  return (
    <>
      <Typography variant="body2">Sources</Typography>
      <ul aria-label="Sources" style={{ margin: 0 }}>
        {props.sources.map((source, index) => (
          <Typography component="li" variant="body2" key={index}>
            {sourceText(source)}
            {source.revision && (
              <>
                {' at '}
                <RevisionCode
                  repoURL={source.repoURL}
                  revision={source.revision}
                />
              </>
            )}
          </Typography>
        ))}
      </ul>
    </>
  );
}
