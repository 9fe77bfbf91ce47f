import type { Order } from '../../src/db/schema.js';
import { insertCategory } from '../../src/org/catalog.repository.js';
import type { Actor } from '../../src/users/roles.js';
import type { World } from '../helpers/fixtures.js';
import { act, newOrder } from '../helpers/orders.js';

// Toy appeals written for these tests: two topics with their own vocabulary, varied by small lists.
const PLACES = ['东城小区', '幸福家园', '北苑', '河畔花园', '新村', '南门社区', '西山里', '春华苑'];
const HEATING = ['暖气不热', '供暖温度太低', '暖气片冰凉', '室温只有十二度', '供热管道漏水'];
const WAGES = ['工地拖欠工资', '老板欠薪不还', '工资三个月没发', '劳务费被克扣', '包工头拖欠农民工工资'];

export const heatingText = (i: number) => ({
  title: `${PLACES[i % PLACES.length]}${HEATING[i % HEATING.length]}`,
  content: `我家住在${PLACES[(i + 3) % PLACES.length]}，${HEATING[(i + 1) % HEATING.length]}，家里老人孩子受冻，请热力公司尽快检修供暖。`,
});

export const wagesText = (i: number) => ({
  title: `${WAGES[i % WAGES.length]}`,
  content: `我在${PLACES[i % PLACES.length]}附近干活，${WAGES[(i + 2) % WAGES.length]}，多次讨要无果，请劳动监察部门帮忙追讨工资。`,
});

/** A second leaf category under its own root, next to the world's 物业管理. */
export async function addWagesCategory(world: World) {
  const root = await insertCategory(world.deps.db, {
    centreId: world.centreId,
    parentId: null,
    parentPath: null,
    code: 'C2',
    name: '劳动和社会保障',
    level: 1,
  });
  return insertCategory(world.deps.db, {
    centreId: world.centreId,
    parentId: root.id,
    parentPath: root.path,
    code: 'C21',
    name: '拖欠工资',
    level: 2,
  });
}

/** Takes a new order through dispatch → sign → reply → review → return visit → closed. */
export async function closeThroughUnit(
  world: World,
  text: { title: string; content: string },
  categoryId: string,
  unitId: string,
  handler: Actor,
): Promise<Order> {
  let o = await newOrder(world, { ...text, categoryId });
  o = await act(world, world.actors.dispatcher, o, 'dispatch', { leadUnitId: unitId });
  o = await act(world, handler, o, 'sign', {});
  o = await act(world, handler, o, 'reply', { result: 'resolved', text: '已处理' });
  o = await act(world, world.actors.supervisor, o, 'review_accept', {});
  return act(world, world.actors.supervisor, o, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true });
}

/**
 * A small history: `perTopic` heating appeals handled by department A1 (category 物业管理) and as
 * many wage appeals handled by department B1 (category 拖欠工资).
 */
export async function buildHistory(world: World, perTopic: number) {
  const wages = await addWagesCategory(world);
  for (let i = 0; i < perTopic; i++) {
    await closeThroughUnit(world, heatingText(i), world.categoryId, world.units.deptA1.id, world.actors.unit_handler);
    await closeThroughUnit(world, wagesText(i), wages.id, world.units.deptB1.id, world.actors.handlerB);
  }
  return { wagesCategoryId: wages.id };
}
