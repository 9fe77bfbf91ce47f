import { TEXT_MODULE_DIALOGS, type TextModuleDialog, type TextModuleView } from '../contract/agent-tools.js';
import type { TextModule } from './text-module.table.js';

export const presentTextModule = (m: TextModule): TextModuleView<Date> => ({
  id: m.id,
  name: m.name,
  keyword: m.keyword,
  body: m.body,
  categoryId: m.category_id,
  unitId: m.unit_id,
  dialogs: m.dialogs.filter((d): d is TextModuleDialog => (TEXT_MODULE_DIALOGS as readonly string[]).includes(d)),
  active: m.active,
  updatedAt: m.updated_at,
});
