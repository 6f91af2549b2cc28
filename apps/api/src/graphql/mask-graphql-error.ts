import type { GraphQLFormattedError } from 'graphql';

const KNOWN_GRAPHQL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
]);

/**
 * Errors our filter produced carry a code and are safe to show; GraphQL's own
 * parse/validation errors too. Anything else is masked: no stack, SQL or hosts.
 */
export function maskGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const ext = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  delete ext.stacktrace;
  delete ext.exception;
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  if (code && (KNOWN_GRAPHQL_CODES.has(code) || 'details' in ext)) {
    return { ...formatted, message: withoutEchoedValue(formatted.message), extensions: ext };
  }
  return { message: 'Internal error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL' } };
}

/**
 * graphql-js repeats a rejected variable or literal value in its message ("got
 * invalid value { token: … }", "cannot represent a non string value: …"); that value
 * may be a token or a kubeconfig. Short scalars (`"ten"`, `12`) stay, as they help
 * and cannot be a credential; anything longer or structured is not repeated.
 */
export function withoutEchoedValue(message: string): string {
  const variable = /^Variable "\$(\w+)" got invalid value ([\s\S]*)$/.exec(message);
  if (variable) {
    const rest = variable[2]!;
    const cut = rest.lastIndexOf('; ');
    const head = cut >= 0 ? rest.slice(0, cut) : rest;
    const at = /^([\s\S]*) at "([\w.[\]]+)"$/.exec(head);
    const value = at ? at[1]! : head;
    const reason = cut >= 0 ? safeReason(rest.slice(cut + 2)) : undefined;
    return `Variable "$${variable[1]}" got ${harmless(value) ? `invalid value ${value}` : 'an invalid value (not repeated)'}${at ? ` at "${at[2]}"` : ''}${reason ? `; ${reason}` : ''}`;
  }
  return safeReason(message) ?? message;
}

const harmless = (value: string) => value.length <= 16 && !/^[{[]/.test(value);

/** A coercion reason without a long or structured value; undefined when it is not one we know. */
function safeReason(reason: string): string | undefined {
  const valued = /^((?:String|Int|Float|Boolean|ID) cannot represent (?:a )?non[\w -]* value|Expected value of type "[\w![\]]+", found|Enum "\w+" cannot represent non-enum value): ([\s\S]*)$/.exec(reason) ??
    /^(Expected value of type "[\w![\]]+", found) ([\s\S]*)$/.exec(reason);
  if (valued) return harmless(valued[2]!.replace(/[.;]$/, '')) ? reason : `${valued[1]} (value not repeated)`;
  if (/^Field "\w+" (is not defined by type|of required type) "[\w![\]]+"( was not provided)?\.?$/.test(reason)) return reason;
  if (/^Expected type "[\w![\]]+"/.test(reason)) return reason.slice(0, reason.indexOf('"', 15) + 1);
  return undefined;
}
