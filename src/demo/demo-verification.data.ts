import { deflateSync } from 'node:zlib';
import type { VerificationResult } from '../contract/geo.js';

/** The street office whose demo grids (演示网格) the demo's grid worker and 联户长 belong to. */
export const DEMO_GRID_TOWN_UNIT = '锡林浩特市希日塔拉街道';

/**
 * 现场核实 in every state (issue 18): when the centre sent it (hours before the demo's start), the
 * answer if any (minutes after sending, metres from the appeal's point), in the grid of index `grid`.
 */
export interface DemoVerification {
  title: string;
  content: string;
  address: string;
  grid: number;
  sentHoursAgo: number;
  requestNote: string;
  answer?: {
    afterMinutes: number;
    result: VerificationResult;
    note: string;
    /** How far east of the appeal the phone stood (metres): 500 m and more is flagged far. */
    metresAway: number;
    photo: boolean;
  };
}

export const DEMO_VERIFICATIONS: readonly DemoVerification[] = [
  {
    title: '团结小区3号楼楼道堆放杂物',
    content: '团结小区3号楼二单元楼道长期堆放纸箱和旧家具，堵塞消防通道，请尽快处理。',
    address: '团结小区3号楼2单元',
    grid: 0,
    sentHoursAgo: 110 / 60,
    requestNote: '请到现场核实楼道堆物情况并拍照',
  },
  {
    title: '锡林大街人行道地砖破损',
    content: '锡林大街北侧人行道多块地砖松动破损，老人孩子容易绊倒。',
    address: '锡林大街18号',
    grid: 1,
    sentHoursAgo: 0.25,
    requestNote: '核实破损范围',
  },
  {
    title: '额尔敦路路灯连续多晚不亮',
    content: '额尔敦路中段三盏路灯已经连续一周晚上不亮，行人走夜路不安全。',
    address: '额尔敦路与团结路交叉口',
    grid: 2,
    sentHoursAgo: 25,
    requestNote: '请核实不亮的路灯数量',
    answer: { afterMinutes: 50, result: 'confirmed', note: '现场核实三盏路灯不亮，已拍照。', metresAway: 25, photo: true },
  },
  {
    title: '小区门口占道经营',
    content: '希日塔拉小区东门每天早上有流动摊贩占道经营，车辆无法通行。',
    address: '希日塔拉小区12号',
    grid: 3,
    sentHoursAgo: 49,
    requestNote: '早上七点前后核实',
    answer: { afterMinutes: 70, result: 'not_confirmed', note: '到场时未见摊贩。', metresAway: 2100, photo: false },
  },
  {
    title: '背街小巷污水外溢',
    content: '团结路16号背后的小巷窨井堵塞，污水外溢到路面，气味很大。',
    address: '团结路16号',
    grid: 0,
    sentHoursAgo: 73,
    requestNote: '核实外溢位置',
    answer: { afterMinutes: 150, result: 'confirmed', note: '属实，窨井堵塞，已通知社区。', metresAway: 40, photo: false },
  },
];

/** The 联户长's reports from the phone page: one ordinary, one the one-tap urgent report. */
export const DEMO_GRID_REPORTS = [
  {
    text: '团结小区5号楼有住户在楼道里给电动车充电，电线从窗户拉出来，存在火灾隐患。',
    address: '团结小区5号楼1单元',
    hoursAgo: 3,
    urgent: false,
  },
  { text: '团结路北侧草场冒烟，有明火迹象，请马上派人！', address: '团结路88号', hoursAgo: 0.5, urgent: true },
] as const;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data: Buffer) => {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The demo's "photo taken on site": a small generated PNG (a street-lamp grey sky over a green
 * verge), so the demo needs no image file. Not a real photo.
 */
export function demoSitePhoto(width = 160, height = 120): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const ground = y > height * 0.65;
      const lamp = Math.abs(x - width * 0.3) < 2 && y > height * 0.2;
      const [r, g, b] = lamp ? [60, 60, 60] : ground ? [70, 140 - (y % 7), 60] : [150 + (y >> 2), 170 + (y >> 3), 200];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
