import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { getCalendarMonth, listOverrides, removeOverride, setOverride, setWorkPeriods } from './calendar.service.js';
import { WrittenText } from '../shared/schema.js';
import {
  CalendarMonthViewSchema,
  CalendarOverridesSchema,
  DayInfoSchema,
  OverrideRemovedSchema,
  WorkPeriodsSchema,
} from './calendar.schemas.js';

const tags = ['calendar'];
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/** The centre's working calendar: read by every staff user, edited by the admin. */
export const calendarRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/calendar/:month',
    {
      schema: {
        tags,
        summary: '工作日历（月）/ working calendar of a month',
        params: Type.Object({ month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }) }),
        response: { 200: CalendarMonthViewSchema },
      },
    },
    async (request) => getCalendarMonth(deps, requireActor(request).centreId, request.params.month),
  );
  app.get(
    '/api/calendar-overrides',
    { schema: { tags, summary: '本中心调整日 / centre overrides', response: { 200: CalendarOverridesSchema } } },
    async (request) => ({
      items: await listOverrides(deps, requireActor(request)),
    }),
  );
  app.put(
    '/api/calendar-overrides/:day',
    {
      schema: {
        tags,
        summary: '设置本地节假日或加班日 / set a local holiday or extra working day (admin)',
        params: Type.Object({ day: Day }),
        body: Type.Object({ working: Type.Boolean(), name: WrittenText(100) }, { additionalProperties: false }),
        response: { 200: DayInfoSchema },
      },
    },
    async (request) => setOverride(deps, requireActor(request), { day: request.params.day, ...request.body }),
  );
  app.delete(
    '/api/calendar-overrides/:day',
    {
      schema: {
        tags,
        summary: '删除调整日 / remove an override (admin)',
        params: Type.Object({ day: Day }),
        response: { 200: OverrideRemovedSchema },
      },
    },
    async (request) => removeOverride(deps, requireActor(request), request.params.day),
  );
  app.put(
    '/api/calendar-settings',
    {
      schema: {
        tags,
        summary: '工作时间 / working hours (admin)',
        body: Type.Object(
          { workPeriods: Type.String({ maxLength: 100, description: '08:30-12:00,14:30-18:00' }) },
          { additionalProperties: false },
        ),
        response: { 200: WorkPeriodsSchema },
      },
    },
    async (request) => setWorkPeriods(deps, requireActor(request), request.body.workPeriods),
  );
};
