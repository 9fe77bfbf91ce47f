import type { Messages } from '../../shared/i18n';

type Key =
  'title' | 'note' | 'own' | 'inherits' | 'fromCentre' | 'save' | 'inherit' | 'centre' | 'centreSave' | 'metres' | 'saved';

export const duplicateRadiusMessages: Messages<Key> = {
  zh: {
    title: '查重距离',
    note: '在此距离内的较早诉求作为重复件的证据（距离越近分数越高）；子分类沿用上级的设置。',
    own: '本分类查重距离',
    inherits: '当前沿用：{metres} 米（{from}）',
    fromCentre: '本中心默认',
    save: '保存',
    inherit: '恢复沿用上级',
    centre: '本中心默认查重距离',
    centreSave: '保存默认',
    metres: '米',
    saved: '查重距离已保存',
  },
  en: {
    title: 'Duplicate radius',
    note: 'An earlier appeal within this distance counts as evidence of a duplicate (the nearer, the higher the score); subcategories inherit it.',
    own: 'This category’s radius',
    inherits: 'Now inherited: {metres} m ({from})',
    fromCentre: 'the centre’s default',
    save: 'Save',
    inherit: 'Inherit again',
    centre: 'The centre’s default radius',
    centreSave: 'Save default',
    metres: 'm',
    saved: 'Duplicate radius saved',
  },
};
