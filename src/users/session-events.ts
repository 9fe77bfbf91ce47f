/**
 * In-process notice that a user's sessions were ended (deactivation, password reset), so long-lived
 * connections of this process (the live SSE stream) close at once. Other processes notice at their
 * next session re-check (the live stream's heartbeat).
 */
type Listener = (userId: string) => void;
const listeners = new Set<Listener>();

export function onSessionsEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function sessionsEnded(userId: string): void {
  for (const listener of [...listeners]) listener(userId);
}
