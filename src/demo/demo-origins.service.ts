import type { ApiCaller } from '../apiclients/api-auth.service.js';
import { findApiClient, findApiClientByName } from '../apiclients/api-client.repository.js';
import type { ApiScope } from '../contract/api-clients.js';
import type { ImportMapping } from '../contract/imports.js';
import type { Channel } from '../contract/vocabulary.js';
import { importOrders } from '../imports/order-import.service.js';
import { findCategoriesByName } from '../open311/open311.repository.js';
import { submitRequest } from '../open311/open311-requests.service.js';
import type { OrderDeps } from '../orders/order-hooks.js';
import { findCentre } from '../org/unit.repository.js';
import type { Actor } from '../users/roles.js';
import { findUserByUsername } from '../users/user.repository.js';
import { DEMO_API_CLIENT } from './demo-api-clients.service.js';
import type { DemoCatalog } from './demo-org.service.js';

/** The old hotline system's export the demo imports: six finished orders of December 2024 (ADR 0183). */
export const DEMO_IMPORT_FILE = '旧热线系统导出-2024年12月.csv';
const DEMO_IMPORT_CSV = [
  '工单编号,来源渠道,诉求类型,问题分类,所属地区,承办单位,来电人,联系电话,诉求内容,登记时间,派单时间,签收时间,答复时间,办结时间,办理状态,答复内容,回访结果,是否解决',
  'JX2412020001,12345热线,投诉,暖气不热,锡林浩特市,锡林浩特市热力公司,孙先生,13904791201,家中暖气温度只有十四度。,2024-12-02 08:40,2024-12-02 09:10,2024-12-02 09:45,2024-12-03 15:00,2024-12-04 10:00,已归档,已调节单元阀门，室温达标。,满意,已解决',
  'JX2412030001,12345热线,投诉,物业纠纷,锡林浩特市,锡林浩特市住房和城乡建设局,周女士,13904791202,物业不扫楼道积雪。,2024-12-03 09:20,2024-12-03 10:00,2024-12-03 11:30,2024-12-05 16:00,2024-12-06 09:00,已归档,已督促物业清雪并建立台账。,基本满意,已解决',
  'JX2412050001,政府网站,咨询,养老保险,锡林浩特市,,吴先生,13904791203,灵活就业人员如何续缴养老保险？,2024-12-05 14:00,,,,2024-12-05 14:20,直接答复,可在社保窗口或线上办理续缴。,满意,已解决',
  'JX2412090001,12345热线,投诉,暖气不热,锡林浩特市,锡林浩特市热力公司,郑女士,13904791204,楼顶住户暖气不热。,2024-12-09 19:10,2024-12-09 19:40,2024-12-10 08:30,2024-12-11 17:00,2024-12-12 10:30,已归档,已排气并更换阀门。,不满意,未解决',
  'JX2412160001,市长信箱,建议,物业纠纷,锡林浩特市,锡林浩特市住房和城乡建设局,王先生,13904791205,建议小区增设充电车棚。,2024-12-16 10:00,2024-12-16 11:00,2024-12-17 09:00,2024-12-20 15:00,2024-12-23 09:00,已归档,已转物业研究纳入明年计划。,基本满意,已解决',
  'JX2412200001,12345热线,其他,,,,,,来电询问天气。,2024-12-20 08:05,,,,2024-12-20 08:06,不予受理,与政务服务无关。,,',
].join('\n');
const DEMO_IMPORT_MAPPING: ImportMapping = {
  columns: {
    originalNo: '工单编号',
    channel: '来源渠道',
    appealType: '诉求类型',
    category: '问题分类',
    region: '所属地区',
    unit: '承办单位',
    callerName: '来电人',
    callerPhone: '联系电话',
    content: '诉求内容',
    createdAt: '登记时间',
    dispatchedAt: '派单时间',
    acceptedAt: '签收时间',
    repliedAt: '答复时间',
    closedAt: '办结时间',
    finalState: '办理状态',
    replyText: '答复内容',
    visitResult: '回访结果',
    resolved: '是否解决',
  },
  values: {
    channel: { '12345热线': 'phone', 政府网站: 'web', 市长信箱: 'web' },
    finalState: { 已归档: 'closed', 直接答复: 'direct', 不予受理: 'invalid' },
    category: { 暖气不热: '供热', 物业纠纷: '物业管理' },
  },
  defaults: { channel: 'phone', appealType: 'other', priority: 3 },
};

/**
 * Where orders came from, in the demo (issue 17): one appeal of the demo's outside system through
 * Open311 (the 供热 service's answers and a photo link), and one import run of an old system's export
 * (已导入 on six orders, a run on 历史数据导入). Both idempotent: a second call writes nothing.
 */
export async function seedDemoOrigins(deps: OrderDeps, catalog: DemoCatalog): Promise<{ openApi: number; imported: number }> {
  const admin = await findUserByUsername(deps.db, 'admin');
  const actor: Actor = {
    kind: 'user',
    userId: admin?.id ?? null,
    centreId: catalog.centreId,
    unitId: catalog.centreUnit.id,
    unitPath: catalog.centreUnit.path,
    roles: ['admin'],
    label: admin?.display_name ?? 'admin',
  };
  const report = await importOrders(deps, actor, {
    fileName: DEMO_IMPORT_FILE,
    bytes: Buffer.from(DEMO_IMPORT_CSV),
    mapping: DEMO_IMPORT_MAPPING,
    dryRun: false,
  });
  return { openApi: await submitDemoOpen311(deps, catalog.centreId), imported: report.imported };
}

/** The demo client's one Open311 appeal, unless it has submitted one already. */
async function submitDemoOpen311(deps: OrderDeps, centreId: string): Promise<number> {
  const client = await findApiClientByName(deps.db, centreId, DEMO_API_CLIENT);
  const centre = await findCentre(deps.db, centreId);
  const [heating] = await findCategoriesByName(deps.db, centreId, ['供热']);
  // An admin may have switched 供热 off while the history was being written (a live console).
  if (!client || !centre || !heating?.active) return 0;
  if ((await findApiClient(deps.db, centreId, client.id))!.order_count > 0) return 0;
  const caller: ApiCaller = {
    clientId: client.id,
    keyId: '',
    keyPrefix: 'demo',
    centreId,
    centreCode: centre.code,
    name: client.name,
    channel: client.channel as Channel,
    scopes: client.scopes as ApiScope[],
    use: { ip: '127.0.0.1', scope: 'submit', route: 'demo seed' },
  };
  await submitRequest(deps, caller, {
    service_code: heating.code,
    lat: '43.9331',
    long: '116.0891',
    address_string: '锦绣园5号楼3单元',
    description: '蒙速办转来：锦绣园5号楼家中暖气不热，室温只有14度。',
    first_name: '桂兰',
    last_name: '包',
    phone: '13904791299',
    media_url: 'https://example.org/demo/radiator.jpg',
    'attribute[heating_kind]': 'central',
    'attribute[indoor_temperature]': '14',
  });
  return 1;
}
