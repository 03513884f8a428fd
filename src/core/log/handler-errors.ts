import { UserFacingError } from '../errors';
import type { HandlerContext, HandlerTable } from '../ipc/dispatch';
import type { Logger } from './logger';

type AnyHandler = (request: unknown, context: HandlerContext) => unknown;

/**
 * The handler table with every unexpected error written to the log before `dispatch` reduces it to a
 * generic message for the renderer. Errors meant for the user (`UserFacingError`) are not logged.
 */
export function logUnexpectedErrors(handlers: HandlerTable, log: Logger): HandlerTable {
  const wrapped: Record<string, AnyHandler> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, AnyHandler][]) {
    wrapped[channel] = async (request, context) => {
      try {
        return await handler(request, context);
      } catch (error) {
        if (!(error instanceof UserFacingError)) log.error(`IPC ${channel} failed`, error);
        throw error;
      }
    };
  }
  return wrapped as HandlerTable;
}
