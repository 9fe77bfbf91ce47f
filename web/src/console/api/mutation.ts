import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../../shared/api';
import { useLang, type Lang } from '../../shared/i18n';

/** The server's words for a failed call, in the reader's language, with the field when the words do not name it. */
export function errorText(e: unknown, lang: Lang): string {
  if (!(e instanceof ApiError)) return String(e);
  const said = lang === 'en' ? e.messageEn : e.messageZh;
  // The field is added only where the message does not already name it ("输入有误：x (x)" reads badly).
  return e.field && !said.includes(e.field) ? `${said} (${e.field})` : said;
}

/** Shows a failed call's message (the one place the console says a write went wrong). */
export function useShowError() {
  const { message } = App.useApp();
  const { lang } = useLang();
  return useCallback((e: unknown) => void message.error(errorText(e, lang)), [message, lang]);
}

export interface WriteOptions<R> {
  /** Said on success. */
  success?: string | ((result: R) => string);
  /** Query keys (prefixes) refetched after success. */
  invalidate?: QueryKey[];
}

export type Written<R> = { ok: true; result: R } | { ok: false };

/**
 * The one way the console runs a write outside a form's own mutation: `await run(() => api(...), { success, invalidate })`.
 * Success is announced and the named queries refetched; a failure shows the server's message. It
 * resolves to `{ ok, result }`, so callers continue only when it worked.
 */
export function useWrite() {
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  return useCallback(
    async <R>(write: () => Promise<R>, options: WriteOptions<R> = {}): Promise<Written<R>> => {
      let result: R;
      try {
        result = await write();
      } catch (e) {
        showError(e);
        return { ok: false };
      }
      const said = typeof options.success === 'function' ? options.success(result) : options.success;
      if (said) void message.success(said);
      await Promise.all((options.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      return { ok: true, result };
    },
    [client, message, showError],
  );
}

/** A TanStack mutation with the same conventions (message on failure, success words, refetches). */
export function useApiMutation<V, R>(
  mutationFn: (variables: V) => Promise<R>,
  options: WriteOptions<R> & { onSuccess?: (result: R, variables: V) => void } = {},
) {
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onError: showError,
    onSuccess: async (result, variables) => {
      const said = typeof options.success === 'function' ? options.success(result) : options.success;
      if (said) void message.success(said);
      options.onSuccess?.(result, variables);
      await Promise.all((options.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
