import type { Deps } from '../shared/deps.js';
import { domainError, notFound } from '../shared/errors.js';
import { findCentreByCode, listCentres } from '../org/unit.repository.js';
import type { Open311Value } from './open311-format.js';
import { findServiceCategories, listCategoryAttributes, listServiceCategories } from './open311.repository.js';

export type Centre = NonNullable<Awaited<ReturnType<typeof findCentreByCode>>>;

/**
 * jurisdiction_id is the centre's code. Given, it must name a centre (404); absent, an installation
 * with one centre serves that one, and one with several asks for it (400), as the spec says.
 */
export async function resolveJurisdiction(deps: Deps, jurisdictionId: string | undefined): Promise<Centre> {
  if (jurisdictionId) {
    const centre = await findCentreByCode(deps.db, jurisdictionId);
    if (!centre) throw notFound('jurisdiction');
    return centre;
  }
  const centres = await listCentres(deps.db);
  if (centres.length === 1) return centres[0]!;
  throw domainError('VALIDATION', 'open311.jurisdictionRequired', {}, { field: 'jurisdiction_id' });
}

type ServiceCategory = Awaited<ReturnType<typeof listServiceCategories>>[number];

/** The ids along a materialised path (`/a/b/c/`). */
const idsOf = (path: string) => path.split('/').filter((s) => s !== '');

/** The services of a centre: its active leaf categories, grouped by their top category, keywords = aliases. */
export async function listServices(deps: Deps, centreId: string) {
  const categories = await listServiceCategories(deps.db, centreId);
  const byId = new Map(categories.map((c) => [c.id, c]));
  return categories.filter((c) => c.active && !c.has_children).map((c) => presentService(c, byId));
}

function presentService(c: ServiceCategory, byId: Map<string, ServiceCategory>) {
  const names = idsOf(c.path).map((id) => byId.get(id)?.name ?? '');
  const root = byId.get(idsOf(c.path)[0] ?? '');
  return {
    service_code: c.code,
    service_name: c.name,
    description: names.join(' / '),
    metadata: c.has_attributes,
    type: 'realtime',
    keywords: c.aliases.length > 0 ? c.aliases.join(',') : null,
    group: root && root.id !== c.id ? root.name : null,
  } satisfies Open311Value;
}

/** The category a service code names: an active leaf of the centre, else 404 (unknown service). */
export async function findService(deps: Deps, centreId: string, code: string) {
  return (await findServices(deps, centreId, [code]))[0]!;
}

/** The categories of a service_code list, in one query; any code that is not a service is a 404. */
export async function findServices(deps: Deps, centreId: string, codes: readonly string[]) {
  const unique = [...new Set(codes)];
  const found = await findServiceCategories(deps.db, centreId, unique);
  if (found.length !== unique.length) throw notFound('service');
  return found;
}

export interface AttributeDefinition {
  code: string;
  datatype: string;
  required: boolean;
  variable: boolean;
  description: string;
  datatype_description: string;
  order: number;
  values: { key: string; name: string }[];
}

export async function serviceAttributes(deps: Deps, categoryId: string): Promise<AttributeDefinition[]> {
  const rows = await listCategoryAttributes(deps.db, categoryId);
  return rows.map((a) => ({
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    variable: a.variable,
    description: a.description,
    datatype_description: a.datatype_description,
    order: a.ord,
    values: a.values,
  }));
}

/** GET services/{code}: the attributes in the spec's order of fields. */
export async function serviceDefinition(deps: Deps, centreId: string, code: string) {
  const category = await findService(deps, centreId, code);
  const attributes = await serviceAttributes(deps, category.id);
  return {
    service_code: category.code,
    attributes: attributes.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description || null,
      order: a.order,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    })),
  } satisfies Open311Value;
}
