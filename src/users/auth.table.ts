import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Failed sign-ins of one account name or one client address in the current window (migration 0740, ADR 0156). */
export interface LoginThrottleTable {
  /** `user:<username>` or `ip:<address>`. */
  bucket_key: string;
  failures: number;
  window_start: Timestamp;
}

/** A one-use recovery code of a TOTP user, kept as a hash (migration 0742, ADR 0156). */
export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

/** The second step of a sign-in: the password was right, a TOTP code (or enrolment) is due. */
export interface LoginChallengesTable {
  token_hash: string;
  user_id: string;
  kind: 'totp' | 'enrol';
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuthTables {
  login_throttle: LoginThrottleTable;
  recovery_codes: RecoveryCodesTable;
  login_challenges: LoginChallengesTable;
}
