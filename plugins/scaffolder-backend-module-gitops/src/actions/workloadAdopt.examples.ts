import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'adopt',
        action: 'gitops:workload:adopt',
        name: 'Adopt the workload',
        input,
      },
    ],
  });

const repoUrl = 'github.com?owner=acme&repo=gitops-config';

/** A whole namespace under Argo CD, and one workload under Flux in a layout of the estate's own. */
export const examples: TemplateExample[] = [
  {
    description:
      'A namespace of the dev cluster under GitOps: its unmanaged objects as manifests in apps/legacy/overlays/dev/ and an Argo CD Application managing them',
    example: step({
      repoUrl,
      cluster: 'dev',
      namespace: 'legacy',
      service: 'legacy',
      team: 'payments',
      environment: 'dev',
    }),
  },
  {
    description:
      'One Deployment (with the ConfigMaps and Services it uses) in the layout {env}/{service}/, managed by a Flux Kustomization',
    example: step({
      repoUrl,
      cluster: 'dev',
      namespace: 'legacy',
      workloadKind: 'Deployment',
      workloadName: 'legacy',
      service: 'legacy',
      team: 'payments',
      environment: 'dev',
      engine: 'flux',
      pathTemplate: '{env}/{service}/',
    }),
  },
];
