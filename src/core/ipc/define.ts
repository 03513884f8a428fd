import { z } from 'zod';

export interface ChannelSchema<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelSchema<Req, Res> {
  return { request, response };
}

export const ipcErrorSchema = z.object({ code: z.string(), message: z.string() });
export type IpcError = z.infer<typeof ipcErrorSchema>;

/** What crosses the IPC boundary for every call: data, or an error the user can read. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };
