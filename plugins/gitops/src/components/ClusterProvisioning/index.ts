export { ClusterProvisioningCard } from './ClusterProvisioningCard';
