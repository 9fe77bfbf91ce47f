import { ownedBytes, type ThreadReply } from '../../src/shared/run-in-thread.js';

// Thread entries for the runInThread tests (test/unit/nlp-train-thread.test.ts).

export function bytesOf(input: { text: string }): ThreadReply<{ bytes: Uint8Array }> {
  const bytes = ownedBytes(Buffer.from(input.text, 'utf8'));
  return { value: { bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

export async function fails(input: { why: string }): Promise<ThreadReply<never>> {
  await Promise.resolve();
  throw new Error(`refused: ${input.why}`);
}
