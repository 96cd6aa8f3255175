import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useGoldenPathOptions } from './useGoldenPathOptions';

/**
 * Scaffolder field `GitopsConfigRepoPicker`: the GitOps config repo, chosen among those the backend is configured
 * with (`gitops.configRepo`), so a template names no repo or organisation. The value is the RepoUrlPicker format
 * (`<host>?owner=<owner>&repo=<repo>`) every `gitops:*` action takes as `repoUrl`; one configured repo is chosen at once.
 */
export function ConfigRepoPickerField(
  props: FieldExtensionComponentProps<string | undefined>,
) {
  const { formData, onChange, idSchema, schema, rawErrors, required } = props;
  const state = useGoldenPathOptions();
  const repos = state.value?.configRepos ?? [];
  const only = repos.length === 1 ? repos[0].repoUrl : undefined;

  useEffect(() => {
    if (only && formData !== only) onChange(only);
  }, [only, formData, onChange]);

  if (state.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the config repositories"
        error={state.error}
      />
    );
  }
  if (state.loading) {
    return (
      <Box role="status" aria-label="Loading config repositories">
        <Progress />
      </Box>
    );
  }
  if (repos.length === 0) {
    return (
      <Typography role="alert" color="error">
        No GitOps config repository is configured: ask the platform team to set
        gitops.configRepo in the backend's configuration.
      </Typography>
    );
  }
  const chosen = repos.find(repo => repo.repoUrl === formData);
  return (
    <TextField
      id={idSchema?.$id ?? 'gitops-config-repo'}
      select
      label={schema?.title ?? 'GitOps config repository'}
      required={required}
      fullWidth
      margin="dense"
      value={chosen?.repoUrl ?? ''}
      error={Boolean(rawErrors?.length)}
      helperText={
        rawErrors?.[0] ??
        (chosen
          ? `Pull requests go to ${chosen.host}/${chosen.owner}/${chosen.repo} (base ${chosen.branch})`
          : schema?.description)
      }
      onChange={event => onChange(event.target.value)}
    >
      {repos.map(repo => (
        <MenuItem key={repo.repoUrl} value={repo.repoUrl}>
          {repo.owner}/{repo.repo} ({repo.host})
        </MenuItem>
      ))}
    </TextField>
  );
}
