import { z } from 'zod';
import { contract, type Channel, type Contract } from './contract';
import type { IpcError, IpcResult } from './define';
import { UserFacingError } from '../errors';

export type HandlerContext = { signal?: AbortSignal; emit?: (event: string, payload: unknown) => void };

export type Handler<C extends Channel> = (
  request: z.output<Contract[C]['request']>,
  context: HandlerContext,
) => Promise<z.input<Contract[C]['response']>> | z.input<Contract[C]['response']>;

export type HandlerTable = { [C in Channel]: Handler<C> };

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/**
 * Validates a request, runs its handler, validates the response. Every failure becomes `{ code, message }`;
 * unexpected errors are reduced to a generic message so internals (paths, keys, stack traces) never cross.
 */
export async function dispatch(
  handlers: HandlerTable,
  channelName: string,
  rawRequest: unknown,
  context: HandlerContext = {},
): Promise<IpcResult<unknown>> {
  if (!isChannel(channelName)) return failure({ code: 'unknown_channel', message: `No such channel: ${channelName}` });
  const schema = contract[channelName];
  const request = schema.request.safeParse(rawRequest);
  if (!request.success)
    return failure({
      code: 'invalid_request',
      message: `Invalid request for ${channelName}: ${z.prettifyError(request.error)}`,
    });
  try {
    const handler = handlers[channelName] as (req: unknown, ctx: HandlerContext) => unknown;
    const output = await handler(request.data, context);
    const response = schema.response.safeParse(output);
    if (!response.success)
      return failure({ code: 'invalid_response', message: `The app produced an invalid response for ${channelName}.` });
    return { ok: true, data: response.data };
  } catch (error) {
    return failure(toIpcError(error));
  }
}

export function toIpcError(error: unknown): IpcError {
  if (error instanceof UserFacingError) return { code: error.code, message: error.message };
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.' };
  return { code: 'internal', message: 'Something went wrong in the app. The details are in the log.' };
}

function failure(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}
