import type { ColumnType, Generated } from 'kysely';
import type { InstructionStatus } from '../contract/leaders.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface LeaderCasesTable {
  id: Generated<string>;
  order_id: string;
  centre_id: string;
  leader_id: string;
  note: string | null;
  taken_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface LeaderInstructionsTable {
  id: Generated<string>;
  order_id: string;
  centre_id: string;
  unit_id: string;
  leader_id: string;
  text: string;
  issued_at: Timestamp;
  status: InstructionStatus;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
}

export interface ConsultationsTable {
  id: Generated<string>;
  order_id: string;
  centre_id: string;
  topic: string;
  opened_by: string;
  opened_at: Timestamp;
  conclusion: string | null;
  concluded_by: string | null;
  concluded_at: Timestamp | null;
}

export interface ConsultationUnitsTable {
  consultation_id: string;
  unit_id: string;
  opinion: string | null;
  opinion_by: string | null;
  opinion_at: Timestamp | null;
}

export interface LeaderSettingsTable {
  centre_id: string;
  leaders_may_urge: Generated<boolean>;
  leaders_may_supervise: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface LeaderTables {
  leader_cases: LeaderCasesTable;
  leader_instructions: LeaderInstructionsTable;
  consultations: ConsultationsTable;
  consultation_units: ConsultationUnitsTable;
  leader_settings: LeaderSettingsTable;
}
