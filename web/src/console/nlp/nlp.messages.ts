import type { Messages } from '../../shared/i18n';

/** The intake suggestion panel (src/nlp). */
export const nlpMessages: Messages<'title' | 'category' | 'unit' | 'none' | 'noModel' | 'hint'> = {
  zh: {
    title: '智能推荐',
    category: '推荐分类',
    unit: '推荐承办单位',
    none: '暂无足够把握的推荐',
    noModel: '尚未训练模型（lianxin nlp train）',
    hint: '点击推荐项填入表单',
  },
  en: {
    title: 'Suggestions',
    category: 'Category',
    unit: 'Handling unit',
    none: 'No confident suggestion yet',
    noModel: 'No model trained yet (lianxin nlp train)',
    hint: 'Click a suggestion to fill the form',
  },
};
