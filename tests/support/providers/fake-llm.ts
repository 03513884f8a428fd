import { startJsonServer, type LoopbackServer, type RecordedRequest, type ScriptedResponse } from './http-server';

/**
 * Loopback servers speaking OpenAI's Chat Completions and Anthropic's Messages wire formats, for tests of
 * anything that calls an LLM (structured extraction, drafts). The "model" is a function of the request:
 * it returns what the model would write, and the server wraps it in the real response shape.
 */

/** What a request asked, as the model would see it. */
export interface ModelRequest {
  /** The system prompt (OpenAI: the system message; Anthropic: `system`). */
  system: string;
  /** The last user message's text. */
  user: string;
  /** The JSON schema the answer must follow (OpenAI `response_format.json_schema.schema`, Anthropic the forced tool's `input_schema`), if any. */
  schema: unknown;
  body: Record<string, unknown>;
}

/** OpenAI: the message content (a string: JSON text or anything malformed); Anthropic: the forced tool's input (any JSON) or a text answer. */
export type ModelReply = string | Record<string, unknown>;

/** A scripted error or slow answer served instead of the model's, `times` times (default 1). */
export interface LlmFault extends ScriptedResponse {
  times?: number;
}

export interface FakeLlmOptions {
  /** The only key accepted; others get the provider's 401. `null`: a local server (Ollama, LM Studio) that asks for none. */
  apiKey?: string | null;
  latencyMs?: number;
  faults?: LlmFault[];
  model: (request: ModelRequest) => ModelReply;
}

export interface FakeLlm extends LoopbackServer {
  fault(fault: LlmFault): void;
  /** Model calls only (`/v1/chat/completions` or `/v1/messages`). */
  calls(): RecordedRequest[];
}

export const FAKE_OPENAI_KEY = 'sk-test-fake-openai-key';
export const FAKE_ANTHROPIC_KEY = 'sk-ant-test-fake-key';

function takeFault(faults: LlmFault[]): LlmFault | undefined {
  const fault = faults[0];
  if (!fault) return undefined;
  fault.times = (fault.times ?? 1) - 1;
  if (fault.times <= 0) faults.shift();
  return fault;
}

/** A message's text: a string, or the text of its content blocks (`[{type: "text", text}]`). */
export const messageText = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((part) => (part as { text?: string }).text ?? '').join('')
      : '';

/** What OpenAI's strict structured outputs reject: an object without `additionalProperties: false`, or with a property not in `required`. */
function strictSchemaProblem(schema: unknown, context = 'root'): string | null {
  if (!schema || typeof schema !== 'object') return null;
  const node = schema as {
    type?: unknown;
    properties?: Record<string, unknown>;
    required?: string[];
    additionalProperties?: unknown;
    items?: unknown;
    anyOf?: unknown[];
  };
  if (node.type === 'object' || node.properties) {
    if (node.additionalProperties !== false)
      return `In context=${context}, 'additionalProperties' is required to be supplied and to be false.`;
    const missing = Object.keys(node.properties ?? {}).find((key) => !node.required?.includes(key));
    if (missing)
      return `In context=${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
  }
  const children = [
    ...Object.entries(node.properties ?? {}).map(([key, child]) => [`${context}.${key}`, child] as const),
    ['items', node.items] as const,
    ...(node.anyOf ?? []).map((child, i) => [`anyOf.${i}`, child] as const),
  ];
  for (const [where, child] of children) {
    const problem = strictSchemaProblem(child, where);
    if (problem) return problem;
  }
  return null;
}

/** OpenAI's error body: `{"error": {"message", "type", "param", "code"}}`. */
export function openAiError(
  status: number,
  message: string,
  type: string,
  code: string | null,
  headers: Record<string, string> = {},
): ScriptedResponse {
  return { status, headers, body: { error: { message, type, param: null, code } } };
}

/** Anthropic's error body: `{"type": "error", "error": {"type", "message"}, "request_id"}`. */
export function anthropicError(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): ScriptedResponse {
  return {
    status,
    headers,
    body: { type: 'error', error: { type, message }, request_id: `req_${Math.random().toString(36).slice(2, 14)}` },
  };
}

/**
 * `POST /v1/chat/completions` with `Authorization: Bearer <key>`. Checks what the real API rejects (model,
 * messages, a `json_schema` response format with name and schema) and answers a `chat.completion` object.
 * Base URL for clients: `${baseUrl}/v1`.
 */
export async function startFakeOpenAi(options: FakeLlmOptions): Promise<FakeLlm> {
  const apiKey = options.apiKey === undefined ? FAKE_OPENAI_KEY : options.apiKey;
  const faults = [...(options.faults ?? [])];
  const latency = options.latencyMs ?? 0;
  const server = await startJsonServer((request) => {
    const fault = takeFault(faults);
    if (fault) return { delayMs: latency, ...fault };
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions')
      return openAiError(404, `Invalid URL (${request.method} ${request.path})`, 'invalid_request_error', null);
    if (apiKey !== null && request.headers.authorization !== `Bearer ${apiKey}`) {
      return openAiError(
        401,
        'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
        'invalid_request_error',
        'invalid_api_key',
      );
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    const messages = Array.isArray(body.messages) ? (body.messages as { role: string; content: unknown }[]) : null;
    if (typeof body.model !== 'string' || !messages?.length)
      return openAiError(
        400,
        "Missing required parameter: 'model' or 'messages'.",
        'invalid_request_error',
        'missing_required_parameter',
      );
    const format = body.response_format as
      { type?: string; json_schema?: { name?: string; schema?: unknown } } | undefined;
    if (format && format.type === 'json_schema' && (!format.json_schema?.name || !format.json_schema.schema)) {
      return openAiError(
        400,
        "Missing required parameter: 'response_format.json_schema'.",
        'invalid_request_error',
        'missing_required_parameter',
      );
    }
    const strictProblem =
      format?.type === 'json_schema' && (format.json_schema as { strict?: boolean }).strict
        ? strictSchemaProblem(format.json_schema!.schema)
        : null;
    if (strictProblem)
      return openAiError(
        400,
        `Invalid schema for response_format '${format!.json_schema!.name}': ${strictProblem}`,
        'invalid_request_error',
        null,
      );
    const reply = options.model({
      system: messageText(messages.find((m) => m.role === 'system')?.content),
      user: messageText(messages.filter((m) => m.role === 'user').at(-1)?.content),
      schema: format?.json_schema?.schema,
      body,
    });
    const content = typeof reply === 'string' ? reply : JSON.stringify(reply);
    return {
      delayMs: latency,
      body: {
        id: `chatcmpl-${Math.random().toString(36).slice(2, 14)}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null, annotations: [] },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
        system_fingerprint: 'fp_fake',
      },
    };
  });
  return {
    ...server,
    fault: (f) => faults.push(f),
    calls: () => server.requests.filter((r) => r.path === '/v1/chat/completions'),
  };
}

/**
 * `POST /v1/messages` with `x-api-key` and `anthropic-version` headers. Structured output either way the API
 * offers it: with a forced tool (`tool_choice: {type: "tool", name}`, or `{type: "any"}` and one tool) an
 * object reply becomes that tool's `tool_use` block; with `output_config.format` (a JSON schema) the reply is
 * a text block of JSON. A string reply is a text block. Errors in Anthropic's shape. Base URL for clients:
 * `baseUrl` (the API's paths start with `/v1`).
 */
export async function startFakeAnthropic(options: FakeLlmOptions): Promise<FakeLlm> {
  const apiKey = options.apiKey ?? FAKE_ANTHROPIC_KEY;
  const faults = [...(options.faults ?? [])];
  const latency = options.latencyMs ?? 0;
  const server = await startJsonServer((request) => {
    const fault = takeFault(faults);
    if (fault) return { delayMs: latency, ...fault };
    if (request.method !== 'POST' || request.path !== '/v1/messages')
      return anthropicError(404, 'not_found_error', 'Not found');
    if (request.headers['x-api-key'] !== apiKey)
      return anthropicError(401, 'authentication_error', 'invalid x-api-key');
    if (!request.headers['anthropic-version'])
      return anthropicError(400, 'invalid_request_error', 'anthropic-version: header is required');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const messages = Array.isArray(body.messages) ? (body.messages as { role: string; content: unknown }[]) : null;
    if (typeof body.model !== 'string' || typeof body.max_tokens !== 'number' || !messages?.length) {
      return anthropicError(400, 'invalid_request_error', 'model, max_tokens and messages are required');
    }
    const tools = (Array.isArray(body.tools) ? body.tools : []) as { name: string; input_schema?: unknown }[];
    const choice = body.tool_choice as { type?: string; name?: string } | undefined;
    const forced =
      choice?.type === 'tool'
        ? tools.find((t) => t.name === choice.name)
        : choice?.type === 'any' && tools.length === 1
          ? tools[0]
          : undefined;
    if (choice?.type === 'tool' && !forced)
      return anthropicError(400, 'invalid_request_error', `tool_choice: tool ${choice.name} is not defined`);
    const format = (body.output_config as { format?: { type?: string; schema?: unknown } } | undefined)?.format;
    if (format && (format.type !== 'json_schema' || !format.schema))
      return anthropicError(
        400,
        'invalid_request_error',
        'output_config.format: a json_schema with a schema is required',
      );
    const reply = options.model({
      system: messageText(body.system),
      user: messageText(messages.filter((m) => m.role === 'user').at(-1)?.content),
      schema: forced?.input_schema ?? format?.schema,
      body,
    });
    const content =
      typeof reply === 'string' || format
        ? [{ type: 'text', text: typeof reply === 'string' ? reply : JSON.stringify(reply) }]
        : [
            {
              type: 'tool_use',
              id: `toolu_${Math.random().toString(36).slice(2, 14)}`,
              name: forced?.name ?? tools[0]?.name ?? 'tool',
              input: reply,
            },
          ];
    return {
      delayMs: latency,
      body: {
        id: `msg_${Math.random().toString(36).slice(2, 14)}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content,
        stop_reason: content[0]!.type === 'text' ? 'end_turn' : 'tool_use',
        stop_sequence: null,
        usage: { input_tokens: 100, output_tokens: 20 },
      },
    };
  });
  return {
    ...server,
    fault: (f) => faults.push(f),
    calls: () => server.requests.filter((r) => r.path === '/v1/messages'),
  };
}

/** The documents of an extraction prompt (`<document index="n" title="…">text</document>`), as the fake model reads them. */
export function promptDocuments(user: string): { index: number; title: string; text: string }[] {
  return [...user.matchAll(/<document index="(\d+)" title="([^"]*)">\n([\s\S]*?)\n<\/document>/g)].map((m) => ({
    index: Number(m[1]),
    title: m[2]!,
    text: m[3]!,
  }));
}
