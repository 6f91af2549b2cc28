import { PATH_TYPES, PROTOCOLS } from '@switchboard/k8s-model';
import { closedSet } from '../../graphql/closed-set.js';

/** Kubernetes' own closed sets, as they appear in mirrored objects and in inputs. */
export const ProtocolSet = closedSet('Protocol', PROTOCOLS);
export type Protocol = (typeof PROTOCOLS)[number];

export const PathTypeSet = closedSet('PathType', PATH_TYPES);
export type PathType = (typeof PATH_TYPES)[number];
