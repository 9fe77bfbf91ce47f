import crypto from 'node:crypto';

/**
 * The keys that protect personal data at rest (ADR 0170): AES-256-GCM data keys by id, one of them
 * current (new values are sealed with it, every listed key still opens), and a separate HMAC-SHA256
 * key for blind indexes (exact look-ups of a sealed value). Never stored in the database.
 */
export interface PiiKeyData {
  /** The id of the key new values are sealed with. */
  readonly current: string;
  /** Key id → 32 bytes, base64. */
  readonly keys: Readonly<Record<string, string>>;
  /** The blind-index (HMAC-SHA256) key, 32 bytes, base64; new indexes are made with it. */
  readonly index: string;
  /**
   * Older blind-index keys while `lianxin keys rotate-index` recomputes the stored indexes (ADR 0201):
   * look-ups match an index made with any of them; removed when every index is under `index`.
   */
  readonly previousIndexes?: readonly string[];
}

/** A sealed text: `lx1:<key id>:<base64url(iv 12 bytes | ciphertext | tag 16 bytes)>`. */
export const SEALED_PREFIX = 'lx1:';
/** A sealed file starts with these bytes, then the key id's length (1 byte), the id, iv, ciphertext, tag. */
const FILE_MAGIC = Buffer.from('LXE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** How often a running process looks for a rotation's new current key (ADR 0170); `lianxin keys rotate` waits longer. */
export const RELOAD_EVERY_MS = 2000;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(SEALED_PREFIX);

/** The id of the key that sealed a text, or undefined for a value that is not sealed (plain text of an older row). */
export function sealedKeyId(value: string): string | undefined {
  if (!isSealed(value)) return undefined;
  const end = value.indexOf(':', SEALED_PREFIX.length);
  return end > 0 ? value.slice(SEALED_PREFIX.length, end) : undefined;
}

/** A new key id: the day and random digits, so a lost-and-regenerated key never reuses an id. */
export function newKeyId(at: Date): string {
  return `k${at.toISOString().slice(0, 10).replaceAll('-', '')}${crypto.randomBytes(3).toString('hex')}`;
}

export const newKeyBytes = () => crypto.randomBytes(32).toString('base64');

/** Fresh key data: one data key (current) and a blind-index key. */
export function generateKeyData(at: Date): PiiKeyData {
  const id = newKeyId(at);
  return { current: id, keys: { [id]: newKeyBytes() }, index: newKeyBytes() };
}

/** The problems of key data read from a file or the environment (empty = usable). */
export function keyDataProblems(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return ['is not a JSON object'];
  const d = data as Record<string, unknown>;
  const problems: string[] = [];
  const keys = d.keys;
  if (typeof keys !== 'object' || keys === null || Object.keys(keys).length === 0)
    problems.push('"keys" must name at least one key');
  else
    for (const [id, value] of Object.entries(keys)) {
      if (!KEY_ID.test(id)) problems.push(`key id "${id}" must be 1–32 letters, digits, - or _`);
      if (typeof value !== 'string' || Buffer.from(value, 'base64').length !== 32)
        problems.push(`key "${id}" must be 32 bytes in base64`);
    }
  if (typeof d.current !== 'string' || typeof keys !== 'object' || keys === null || !(d.current in keys))
    problems.push('"current" must be the id of one of "keys"');
  if (typeof d.index !== 'string' || Buffer.from(d.index, 'base64').length !== 32)
    problems.push('"index" (the blind-index key) must be 32 bytes in base64');
  const previous = d.previousIndexes;
  if (
    previous !== undefined &&
    (!Array.isArray(previous) || previous.some((k) => typeof k !== 'string' || Buffer.from(k, 'base64').length !== 32))
  )
    problems.push('"previousIndexes" must be a list of 32-byte keys in base64');
  return problems;
}

export class PiiKeyring {
  #data: PiiKeyData;
  #keys = new Map<string, Buffer>();
  /** The blind-index keys: the current one first, then those of a rotation under way. */
  #indexKeys: Buffer[] = [];

  /** `reload` gives the keys as they stand now (the key file re-read), for processes running through a rotation. */
  constructor(
    data: PiiKeyData,
    private readonly reload?: () => PiiKeyData | undefined,
  ) {
    this.#data = data;
    this.#use(data);
  }

  static generate(): PiiKeyring {
    return new PiiKeyring(generateKeyData(new Date(0)));
  }

  #use(data: PiiKeyData) {
    const problems = keyDataProblems(data);
    if (problems.length) throw new Error(`个人信息密钥有误 / invalid personal-data keys: ${problems.join('; ')}`);
    // A running process follows a blind-index rotation (the old key kept among the previous ones), never a swap.
    if (data.index !== this.#data.index && !(data.previousIndexes ?? []).includes(this.#data.index))
      throw new Error(
        '个人信息盲索引密钥只能轮换，不可直接更换 / the blind-index key can only be rotated (lianxin keys rotate-index)',
      );
    this.#data = data;
    this.#keys = new Map(Object.entries(data.keys).map(([id, b64]) => [id, Buffer.from(b64, 'base64')]));
    this.#indexKeys = [data.index, ...(data.previousIndexes ?? [])].map((k) => Buffer.from(k, 'base64'));
  }

  /** Re-reads the keys (a rotation added one or retired one); true when they changed. */
  refresh(): boolean {
    const next = this.reload?.();
    if (!next || JSON.stringify(next) === JSON.stringify(this.#data)) return false;
    this.#use(next);
    return true;
  }

  get currentId(): string {
    return this.#data.current;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  get data(): PiiKeyData {
    return this.#data;
  }

  #key(id: string): Buffer {
    let key = this.#keys.get(id);
    if (!key && this.refresh()) key = this.#keys.get(id);
    if (!key) throw new Error(`个人信息密钥 ${id} 不在密钥环中 / personal-data key ${id} is not in the keyring`);
    return key;
  }

  // A monotonic timer (not the domain clock): how long since the key file was looked at.
  #checkedAt = performance.now();

  /** A rotation makes a new key current in the key file: sealing processes look at the file every few seconds. */
  #followRotation() {
    if (!this.reload || performance.now() - this.#checkedAt < RELOAD_EVERY_MS) return;
    this.#checkedAt = performance.now();
    this.refresh();
  }

  seal(plain: string): string {
    this.#followRotation();
    const id = this.currentId;
    return `${SEALED_PREFIX}${id}:${encrypt(this.#key(id), Buffer.from(plain, 'utf8')).toString('base64url')}`;
  }

  /** The plain text of a sealed value; a value that is not sealed (an older row) is returned as it is. */
  open(value: string): string {
    const id = sealedKeyId(value);
    if (id === undefined) return value;
    const body = Buffer.from(value.slice(SEALED_PREFIX.length + id.length + 1), 'base64url');
    return decrypt(this.#key(id), body).toString('utf8');
  }

  /** The HMAC-SHA256 of a normalised value (base64url) under the current index key, per kind so equal values of different kinds differ. */
  blindIndex(kind: string, value: string): string {
    this.#followRotation();
    return hmac(this.#indexKeys[0]!, kind, value);
  }

  /** The value's index under every index key in use (one, or two and more during a rotation): what a look-up matches. */
  blindIndexes(kind: string, value: string): string[] {
    this.#followRotation();
    return this.#indexKeys.map((key) => hmac(key, kind, value));
  }

  sealBytes(plain: Buffer): Buffer {
    this.#followRotation();
    const id = Buffer.from(this.currentId, 'utf8');
    return Buffer.concat([FILE_MAGIC, Buffer.from([id.length]), id, encrypt(this.#key(this.currentId), plain)]);
  }

  /** The key id of sealed file bytes, or undefined for bytes written before files were sealed. */
  bytesKeyId(bytes: Buffer): string | undefined {
    if (bytes.length < FILE_MAGIC.length + 1 || !bytes.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) return undefined;
    const len = bytes[FILE_MAGIC.length]!;
    return bytes.subarray(FILE_MAGIC.length + 1, FILE_MAGIC.length + 1 + len).toString('utf8');
  }

  /** The plain bytes of a sealed file; bytes that are not sealed (an older file) are returned as they are. */
  openBytes(bytes: Buffer): Buffer {
    const id = this.bytesKeyId(bytes);
    if (id === undefined) return bytes;
    return decrypt(this.#key(id), bytes.subarray(FILE_MAGIC.length + 1 + Buffer.byteLength(id)));
  }
}

const hmac = (key: Buffer, kind: string, value: string) =>
  crypto.createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('base64url');

function encrypt(key: Buffer, plain: Buffer): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function decrypt(key: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('个人信息密文不完整 / sealed value is cut short');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}
