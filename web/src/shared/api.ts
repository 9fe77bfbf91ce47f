/** The API's error body: a stable code, the message in Chinese and English, the field at fault. */
export interface ApiErrorBody {
  error: { code: string; message: string; messageEn: string; field?: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly field?: string,
  ) {
    super(messageZh);
  }
}

/** JSON fetch against the same origin; throws ApiError with the server's message on failure. */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...rest,
    headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    const e = body?.error;
    throw new ApiError(
      response.status,
      e?.code ?? 'HTTP',
      e?.message ?? `请求失败（${response.status}）`,
      e?.messageEn ?? `Request failed (${response.status})`,
      e?.field,
    );
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? response.json() : response.text()) as Promise<T>;
}
