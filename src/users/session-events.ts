/**
 * In-process notice that a user's sessions changed after commit: one was signed out, all were ended
 * (deactivation, password reset), or the user's unit, roles or active flag were edited. Long-lived
 * connections of this process (the live SSE stream) re-check their session at once and close when it
 * is gone or no longer matches what they were opened with. Other processes notice at their next
 * session re-check (the live stream's heartbeat, ADR 0020).
 */
type Listener = (userId: string) => void;
const listeners = new Set<Listener>();

export function onSessionsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function sessionsChanged(userId: string): void {
  for (const listener of [...listeners]) listener(userId);
}
