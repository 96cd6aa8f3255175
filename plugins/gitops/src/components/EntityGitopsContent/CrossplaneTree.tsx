import Typography from '@material-ui/core/Typography';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import type { CrossplaneNode } from './crossplaneModel';

function conditionStatus(object: ObjectStatus, type: string): string {
  return object.conditions.find(c => c.type === type)?.status ?? 'Unknown';
}

function NodeItem(props: { node: CrossplaneNode }) {
  const { ref, object, children } = props.node;
  const role = object?.crossplane?.role ?? 'managed';
  return (
    <li>
      <Typography variant="body2" component="span">
        {role}: {ref.kind} {ref.name}
        {object
          ? ` — Ready ${conditionStatus(
              object,
              'Ready',
            )}, Synced ${conditionStatus(object, 'Synced')}`
          : ' — not observed'}
        {object?.health.message ? ` (${object.health.message})` : ''}
      </Typography>
      {children.length > 0 && (
        <ul>
          {children.map(child => (
            <NodeItem
              key={`${child.ref.kind}/${child.ref.name}`}
              node={child}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A Crossplane claim with the composite and managed resources it leads to. */
export function CrossplaneTree(props: { node: CrossplaneNode }) {
  return (
    <ul aria-label={`Crossplane resources of ${props.node.ref.name}`}>
      <NodeItem node={props.node} />
    </ul>
  );
}
