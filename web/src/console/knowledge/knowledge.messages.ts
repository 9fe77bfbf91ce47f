import type { Messages } from '../../shared/i18n';

type Key =
  | 'title'
  | 'search'
  | 'new'
  | 'edit'
  | 'view'
  | 'save'
  | 'cancel'
  | 'col.title'
  | 'col.status'
  | 'col.owner'
  | 'col.validTo'
  | 'col.review'
  | 'col.usage'
  | 'col.version'
  | 'status.draft'
  | 'status.published'
  | 'status.expired'
  | 'f.title'
  | 'f.body'
  | 'f.category'
  | 'f.owner'
  | 'f.status'
  | 'f.validFrom'
  | 'f.validTo'
  | 'f.validToBeforeFrom'
  | 'f.reviewAt'
  | 'f.note'
  | 'versions'
  | 'version'
  | 'usages'
  | 'upkeep'
  | 'upkeep.owned'
  | 'upkeep.upToDate'
  | 'upkeep.expired'
  | 'upkeep.reviewOverdue'
  | 'upkeep.usages'
  | 'saved'
  | 'answerable'
  | 'reviewOverdue'
  | 'notValidToday'
  | 'publicTag'
  | 'publicTagHint'
  | 'all'
  | 'assist.articles'
  | 'assist.noArticles'
  | 'assist.use'
  | 'assist.duplicates'
  | 'assist.noDuplicates'
  | 'assist.unavailable'
  | 'assist.merge'
  | 'assist.likely'
  | 'assist.score'
  | 'reason.same_caller'
  | 'reason.same_address'
  | 'reason.same_region'
  | 'reason.similar_text'
  | 'reason.nearby'
  | 'assist.distance';

export const knowledgeMessages: Messages<Key> = {
  zh: {
    title: '知识库',
    search: '检索知识（中文自动分词）',
    new: '新建条目',
    edit: '编辑',
    view: '查看',
    save: '保存（生成新版本）',
    cancel: '取消',
    'col.title': '标题',
    'col.status': '状态',
    'col.owner': '维护单位',
    'col.validTo': '有效期至',
    'col.review': '复核日期',
    'col.usage': '引用次数',
    'col.version': '版本',
    'status.draft': '草稿',
    'status.published': '已发布',
    'status.expired': '已失效',
    'f.title': '标题',
    'f.body': '答复口径',
    'f.category': '分类',
    'f.owner': '维护单位',
    'f.status': '状态',
    'f.validFrom': '生效日期',
    'f.validTo': '失效日期',
    'f.validToBeforeFrom': '失效日期不能早于生效日期',
    'f.reviewAt': '复核日期',
    'f.note': '修改说明',
    versions: '版本历史',
    version: '第 {n} 版',
    usages: '最近引用（直办）',
    upkeep: '各单位维护情况',
    'upkeep.owned': '条目',
    'upkeep.upToDate': '有效',
    'upkeep.expired': '失效',
    'upkeep.reviewOverdue': '逾期未复核',
    'upkeep.usages': '引用',
    saved: '已保存',
    answerable: '可用于答复',
    reviewOverdue: '逾期未复核',
    notValidToday: '今日不在有效期内',
    publicTag: '公开',
    publicTagHint: '群众可在门户知识库中查到（在有效期内时）',
    all: '全部',
    'assist.articles': '知识推荐',
    'assist.noArticles': '暂无匹配的知识',
    'assist.use': '用于直办答复',
    'assist.duplicates': '疑似重复件',
    'assist.noDuplicates': '近 30 天无疑似重复件',
    'assist.unavailable': '暂时查不到，请稍后再看：',
    'assist.merge': '并入此单',
    'assist.likely': '很可能重复',
    'assist.score': '相似度 {score}',
    'reason.same_caller': '同一来电号码',
    'reason.same_address': '同一地址',
    'reason.same_region': '同一区域',
    'reason.similar_text': '内容相似',
    'reason.nearby': '位置相近',
    'assist.distance': '相距 {metres} 米',
  },
  en: {
    title: 'Knowledge base',
    search: 'Search articles',
    new: 'New article',
    edit: 'Edit',
    view: 'View',
    save: 'Save (new version)',
    cancel: 'Cancel',
    'col.title': 'Title',
    'col.status': 'Status',
    'col.owner': 'Owner',
    'col.validTo': 'Valid to',
    'col.review': 'Review by',
    'col.usage': 'Used',
    'col.version': 'Version',
    'status.draft': 'Draft',
    'status.published': 'Published',
    'status.expired': 'Expired',
    'f.title': 'Title',
    'f.body': 'Answer',
    'f.category': 'Category',
    'f.owner': 'Owning unit',
    'f.status': 'Status',
    'f.validFrom': 'Valid from',
    'f.validTo': 'Valid to',
    'f.validToBeforeFrom': 'Valid to cannot be before valid from',
    'f.reviewAt': 'Review by',
    'f.note': 'What changed',
    versions: 'Version history',
    version: 'Version {n}',
    usages: 'Recent direct answers',
    upkeep: 'Upkeep per unit',
    'upkeep.owned': 'Articles',
    'upkeep.upToDate': 'Up to date',
    'upkeep.expired': 'Expired',
    'upkeep.reviewOverdue': 'Review overdue',
    'upkeep.usages': 'Used',
    saved: 'Saved',
    answerable: 'Answerable',
    reviewOverdue: 'Review overdue',
    notValidToday: 'Not valid today',
    publicTag: 'Public',
    publicTagHint: 'Citizens find it in the portal knowledge base (while valid)',
    all: 'All',
    'assist.articles': 'Knowledge',
    'assist.noArticles': 'No matching article',
    'assist.use': 'Answer with this',
    'assist.duplicates': 'Possible duplicates',
    'assist.noDuplicates': 'No possible duplicate in the last 30 days',
    'assist.unavailable': 'Not available just now: ',
    'assist.merge': 'Merge into this',
    'assist.likely': 'Likely duplicate',
    'assist.score': 'Score {score}',
    'reason.same_caller': 'Same caller',
    'reason.same_address': 'Same address',
    'reason.same_region': 'Same region',
    'reason.similar_text': 'Similar text',
    'reason.nearby': 'Nearby',
    'assist.distance': '{metres} m apart',
  },
};
