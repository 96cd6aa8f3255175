import Typography from '@material-ui/core/Typography';
import { CodeSnippet, EmptyState } from '@backstage/core-components';

const EXAMPLE = `metadata:
  labels:
    backstage.io/kubernetes-id: <component name>
    gitops-portal.io/environment: prod   # optional`;

/** No object in any cluster carries this entity's label. */
export function EmptyGitops() {
  return (
    <EmptyState
      missing="data"
      title="No GitOps objects found for this component"
      description={
        <Typography variant="body2" component="span">
          Label the Argo CD Applications, Flux Kustomizations/HelmReleases,
          Crossplane claims or Rollouts of this component with{' '}
          <code>backstage.io/kubernetes-id</code> (or set the entity’s
          <code> backstage.io/kubernetes-label-selector</code> annotation).
        </Typography>
      }
      action={<CodeSnippet language="yaml" text={EXAMPLE} />}
    />
  );
}
