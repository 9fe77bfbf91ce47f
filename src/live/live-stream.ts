import type { Deps } from '../shared/deps.js';
import { actorFromSession } from '../users/auth.service.js';
import type { Actor } from '../users/roles.js';
import { onSessionsChanged } from '../users/session-events.js';
import type { LivePoller } from './live-poller.js';
import { can } from '../users/permissions.js';
import { isCallForActor, isChangeVisibleTo, presentCallChange, presentChange, sameAudience } from './live-visibility.js';

/** Where a stream's text goes (the HTTP response in production). */
export interface LiveSink {
  write(chunk: string): void;
  end(): void;
}

export interface LiveStream {
  /**
   * Re-resolves the session the way a request does (session cache included, ADR 0013) and ends the
   * stream when the session is gone (signed out, expired, user deactivated) or the user's unit or
   * roles changed. Resolves to whether the stream is still open. A failed lookup keeps it open: a
   * database hiccup must not drop every console at once.
   */
  check(): Promise<boolean>;
  /** The periodic heartbeat: check, then a comment line so proxies keep an idle connection. */
  heartbeat(): Promise<void>;
  close(): void;
  readonly isOpen: boolean;
}

/**
 * One connection of GET /api/live: the poller's changes filtered for the actor the session had when
 * the stream opened. The filter is never updated in place; when the session stops matching that actor
 * the stream closes and the browser reconnects (EventSource does) with a fresh one and refetches.
 */
export function openLiveStream(
  deps: Deps,
  poller: LivePoller,
  session: { token: string; actor: Actor },
  sink: LiveSink,
  onError?: (error: unknown) => void,
): LiveStream {
  const { actor, token } = session;
  let open = true;
  const mayReadPhone = can(actor, 'pii.read');
  const unsubscribe = poller.subscribe(
    (changes) => {
      for (const change of changes) {
        if (!open || !isChangeVisibleTo(actor, change)) continue;
        sink.write(`id: ${change.id}\nevent: order\ndata: ${JSON.stringify(presentChange(change))}\n\n`);
      }
    },
    (calls) => {
      // No `id:` line: the stream's last-event-id stays an order event id.
      for (const call of calls) {
        if (!open || !isCallForActor(actor, call)) continue;
        sink.write(`event: call\ndata: ${JSON.stringify(presentCallChange(call, mayReadPhone))}\n\n`);
      }
    },
  );
  // Signed out, deactivated, re-scoped or password reset in this process: re-check now, not at the heartbeat.
  const stopWatching = onSessionsChanged((userId) => {
    if (userId === actor.userId) void check();
  });

  function close() {
    if (!open) return;
    open = false;
    stopWatching();
    unsubscribe();
    sink.end();
  }

  async function check(): Promise<boolean> {
    if (!open) return false;
    let now: Actor | null;
    try {
      now = await actorFromSession(deps, token);
    } catch (e) {
      onError?.(e);
      return open;
    }
    if (!now || !sameAudience(actor, now)) close();
    return open;
  }

  return {
    check,
    async heartbeat() {
      if (await check()) sink.write(': ping\n\n');
    },
    close,
    get isOpen() {
      return open;
    },
  };
}
