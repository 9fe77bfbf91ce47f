import type { Messages } from '../../shared/i18n';

/** The article's 公开 switch and its portal views (issue 16). */
export const knowledgePublicMessages = {
  zh: {
    label: '在门户公开',
    on: '公开',
    off: '不公开',
    hint: '公开且已发布、在有效期内的条目，群众可以在门户知识库检索和阅读。',
    notAnswerable: '当前未发布或不在有效期内，门户上暂不显示。',
    views: '门户浏览 {n} 次',
    madePublic: '已在门户公开',
    madePrivate: '已取消公开',
  },
  en: {
    label: 'Public on the portal',
    on: 'Public',
    off: 'Not public',
    hint: 'A public article that is published and valid today can be searched and read by citizens on the portal.',
    notAnswerable: 'Not published or not valid today: the portal does not show it yet.',
    views: '{n} portal views',
    madePublic: 'Now public on the portal',
    madePrivate: 'Taken off the portal',
  },
} satisfies Messages;
