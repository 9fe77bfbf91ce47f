import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key that signs the audit trail's checkpoints (ADR 0161): Ed25519, in a PEM file outside the
 * database (a database user who rewrites the chain cannot re-sign it). Created with mode 600 on first
 * use; back it up apart from the database backups (README, "Backup and restore").
 */
export interface AuditKey {
  /** First 16 hex digits of the SHA-256 of the public key: which key signed a checkpoint. */
  readonly id: string;
  sign(text: string): string;
  verify(text: string, signature: string): boolean;
}

const cache = new Map<string, AuditKey>();

export function loadAuditKey(file: string): AuditKey {
  const cached = cache.get(file);
  if (cached) return cached;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    try {
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first
    }
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  const publicKey = crypto.createPublicKey(privateKey);
  const id = crypto
    .createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
  const key: AuditKey = {
    id,
    sign: (text) => crypto.sign(null, Buffer.from(text), privateKey).toString('base64'),
    verify: (text, signature) => {
      try {
        return crypto.verify(null, Buffer.from(text), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
  cache.set(file, key);
  return key;
}

/** The text a checkpoint's signature covers. */
export const checkpointText = (c: { stream: string; centre_id: string; seq: number; hash: string; made_at: Date }) =>
  `lianxin-audit-checkpoint-v1|${c.stream}|${c.centre_id}|${c.seq}|${c.hash}|${c.made_at.toISOString()}`;
