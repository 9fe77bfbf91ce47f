import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The enterprise behind an appeal (涉企诉求, migration 0650, ADR 0137). */
export interface OrderEnterprisesTable {
  order_id: string;
  centre_id: string;
  company_name: string;
  /** 统一社会信用代码 (GB 32100-2015), upper case, check digit verified at intake. */
  credit_code: string;
  /** 保护企业名称: the handling unit sees the matter without the name and code. */
  protect_name: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface EnterpriseTables {
  order_enterprises: OrderEnterprisesTable;
}

export type OrderEnterprise = Selectable<OrderEnterprisesTable>;
