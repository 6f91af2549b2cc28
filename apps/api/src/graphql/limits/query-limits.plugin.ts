import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import { measure } from './query-shape.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/**
 * Depth, alias and cost limits, checked after parsing and before execution for
 * every caller. A plugin rather than a validation rule because Apollo rewrites
 * validation errors' codes; these keep their own stable codes and HTTP 400.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
          const shape = measure(operation, fragments);
          const name = operation.name ? `Operation "${operation.name.value}"` : 'The operation';
          const refuse = (code: string, message: string, limit: number, actual: number) =>
            new GraphQLError(message, { extensions: { code, limit, actual, http: { status: 400 } } });
          if (shape.depth > limits.maxDepth) {
            throw refuse('QUERY_TOO_DEEP', `${name} is ${shape.depth} levels deep; the limit is ${limits.maxDepth}`, limits.maxDepth, shape.depth);
          }
          if (shape.aliases > limits.maxAliases) {
            throw refuse('TOO_MANY_ALIASES', `${name} uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}`, limits.maxAliases, shape.aliases);
          }
          if (shape.cost > limits.maxCost) {
            throw refuse(
              'QUERY_TOO_COSTLY',
              `${name} has an estimated cost of ${shape.cost}; the limit is ${limits.maxCost} (ask for smaller pages with first/last, or fewer nested lists)`,
              limits.maxCost,
              shape.cost,
            );
          }
        },
      };
    },
  };
}
