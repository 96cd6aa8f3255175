import type {
  ObjectStatus,
  PipelineResponse,
} from '@gitops-portal/plugin-gitops-common';

/** The promotion pipeline of a service: its environments in delivery order and what differs between neighbours. */
export interface PipelineService {
  pipeline(request: {
    entityRef: string;
    /** The service's folder in the config repo: `apps/<service>/`. */
    service: string;
    /** The entity's current objects: the delivering ones become the pipeline's targets. */
    objects: ObjectStatus[];
  }): Promise<PipelineResponse>;
}
