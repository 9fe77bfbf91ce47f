import type { CitizenChannel, CitizenEvent } from '../../contract/citizen-notices.js';

/** One notice as a provider sends it. */
export interface OutgoingNotice {
  readonly to: string;
  readonly subject: string | null;
  readonly body: string;
  readonly event: CitizenEvent;
  /** The template's variables (an SMS API that keeps its own template text receives these). */
  readonly params: Readonly<Record<string, string>>;
  /** The same for every attempt of this notice: the provider's de-duplication key where it has one. */
  readonly idempotencyKey: string;
  /** Now, by the injected clock (the request's signed timestamp). */
  readonly at: Date;
}

/** A provider refused the notice for good (a malformed number, an unknown template): no retry. */
export class PermanentSendError extends Error {}

/** A way out to the citizen. `send` throws to retry (with backoff), PermanentSendError to give up. */
export interface NoticeProvider {
  readonly name: string;
  readonly channel: CitizenChannel;
  send(notice: OutgoingNotice): Promise<{ providerId: string }>;
  close?(): void;
}

/** A delivery report of a provider, read from its callback. */
export interface DeliveryReport {
  readonly providerId: string;
  readonly delivered: boolean;
  readonly error: string | null;
}
