import type { MergedLineView, ServiceWindowView } from '../contract/channels.js';
import type { MergedLine, ServiceWindow } from './channels.table.js';

export const presentWindow = (w: ServiceWindow): ServiceWindowView<Date> => ({
  id: w.id,
  name: w.name,
  hall: w.hall,
  level: w.level,
  regionId: w.region_id,
  active: w.active,
  sort: w.sort,
  updatedAt: w.updated_at,
});

export const presentLine = (l: MergedLine): MergedLineView<Date> => ({
  id: l.id,
  number: l.number,
  name: l.name,
  formerDepartment: l.former_department,
  mode: l.mode,
  mergedOn: l.merged_on,
  retiredOn: l.retired_on,
  note: l.note,
  updatedAt: l.updated_at,
});
