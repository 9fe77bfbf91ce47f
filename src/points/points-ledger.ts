import type { Executor } from '../db/database.js';
import { domainError, notFound } from '../shared/errors.js';
import { lockResident } from '../residents/resident.repository.js';
import { findEntryBySource, insertEntry, lastEntry, type NewEntry } from './points.repository.js';

export type EntryInput = Omit<NewEntry, 'seq' | 'balanceAfter'>;

/**
 * THE one writer of the ledger (ADR 0188). Inside the caller's transaction: lock the resident's row
 * (every write of one resident waits here, so two redemptions never read the same balance), read the
 * balance after the newest entry, refuse a debit beyond it (409 points.insufficient), and append the
 * next numbered entry with its balance. The table's check (balance_after >= 0) and unique (resident,
 * seq) are the database's backstop; the trigger keeps entries immutable.
 */
export async function appendEntry(tx: Executor, entry: EntryInput): Promise<{ id: string; seq: number; balanceAfter: number }> {
  if (!(await lockResident(tx, entry.centreId, entry.residentId))) throw notFound('resident');
  if (entry.sourceKey) {
    const existing = await findEntryBySource(tx, entry.centreId, entry.sourceKey);
    if (existing) throw domainError('CONFLICT', 'points.alreadyAwarded');
  }
  const last = await lastEntry(tx, entry.residentId);
  const balance = last?.balance_after ?? 0;
  const balanceAfter = balance + entry.points;
  if (balanceAfter < 0) {
    throw domainError('CONFLICT', 'points.insufficient', { balance, need: -entry.points }, { balance });
  }
  const seq = (last?.seq ?? 0) + 1;
  const { id } = await insertEntry(tx, { ...entry, seq, balanceAfter });
  return { id, seq, balanceAfter };
}
