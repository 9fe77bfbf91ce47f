import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { mapKeys } from '../map/map-api';
import type { AttachmentView } from '../../shared/contract';
import type {
  GeoPoint,
  GridEditAnswer,
  GridReportReceipt,
  GridVersionView,
  GridView,
  GridReportView,
  VerificationResult,
  VerificationTaskView,
} from '../../../../src/contract/geo';

/** Calls of the grid desk and the order page's 现场核实 card (src/geo, ADR 0186). */
export type Task = VerificationTaskView;

export const gridKeys = {
  /** The grid worker's tasks: refetched by the live stream (a new task's notice). */
  tasks: ['grid', 'tasks'] as const,
  reports: ['grid', 'reports'] as const,
  /** Under the order's prefix: a write on the order refetches it too. */
  orderVerifications: (orderId: string) => ['order', orderId, 'verification'] as const,
};

export const useMyTasks = (enabled: boolean) =>
  useQuery({
    queryKey: gridKeys.tasks,
    queryFn: () => api<{ items: Task[] }>('/api/verification-tasks'),
    enabled,
    meta: { live: true },
    refetchInterval: 60_000,
  });

export const useMyReports = () =>
  useQuery({ queryKey: gridKeys.reports, queryFn: () => api<{ items: GridReportView[] }>('/api/grid-reports') });

export const useOrderVerifications = (orderId: string) =>
  useQuery({
    queryKey: gridKeys.orderVerifications(orderId),
    queryFn: () => api<{ items: Task[] }>(`/api/orders/${orderId}/verification-tasks`),
  });

export const requestVerification = (orderId: string, note: string | undefined) =>
  api<Task>(`/api/orders/${orderId}/verification`, { method: 'POST', json: note ? { note } : {} });

export function uploadTaskPhoto(taskId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<AttachmentView>(`/api/verification-tasks/${taskId}/photo`, { method: 'POST', body: form });
}

export const answerTask = (
  taskId: string,
  body: { result: VerificationResult; note?: string; photoId?: string } & Partial<GeoPoint>,
) => api<Task>(`/api/verification-tasks/${taskId}/answer`, { method: 'POST', json: body });

/** A report with its photos and videos in one multipart request (the point: the phone's, WGS-84). */
export function submitReport(input: { text: string; address?: string; point: GeoPoint; urgent: boolean; files: File[] }) {
  const form = new FormData();
  form.append('text', input.text);
  if (input.address) form.append('address', input.address);
  form.append('lat', String(input.point.lat));
  form.append('lng', String(input.point.lng));
  form.append('urgent', String(input.urgent));
  for (const f of input.files) form.append('files', f, f.name);
  return api<GridReportReceipt>('/api/grid-reports', { method: 'POST', body: form });
}

/** What POST /api/grids/import/file wrote (src/geo/grid-file.ts). */
export interface GridImportAnswer {
  format: 'geojson' | 'shapefile' | 'kml';
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  ordersReassigned: number;
}

/** 网格导入: a grid platform's export with the attribute names it uses, as one multipart form. */
export const importGridFile = (body: FormData) => api<GridImportAnswer>('/api/grids/import/file', { method: 'POST', body });

// 网格管理 (/admin/grids, ADR 0207): the list, the versions of one grid, and the editor's writes.
export const gridAdminKeys = {
  /** Prefix of every grid read (the list, the map's outlines under ['map', 'grids'] are refetched too). */
  list: ['grids', 'list'] as const,
  versions: (id: string) => ['grids', 'versions', id] as const,
};

/** After an edit: every grid read again, the list and the map's outlines. */
export function useRefreshGrids() {
  const client = useQueryClient();
  return () =>
    Promise.all([client.invalidateQueries({ queryKey: ['grids'] }), client.invalidateQueries({ queryKey: mapKeys.grids })]);
}

export const useGridList = () =>
  useQuery({ queryKey: gridAdminKeys.list, queryFn: () => api<{ items: GridView[] }>('/api/grids') });

export const useGridVersions = (id: string | null) =>
  useQuery({
    queryKey: gridAdminKeys.versions(id ?? ''),
    queryFn: () => api<{ items: GridVersionView[] }>(`/api/grids/${id}/versions`),
    enabled: id !== null,
  });

type Outline = { type: 'Polygon'; coordinates: number[][][] };

export const createGrid = (body: { code: string; name: string; regionId: string; geometry: Outline }) =>
  api<GridEditAnswer>('/api/grids', { method: 'POST', json: body });

export const editGrid = (id: string, body: { version: number; name?: string; regionId?: string; geometry?: Outline }) =>
  api<GridEditAnswer>(`/api/grids/${id}`, { method: 'PATCH', json: body });

export const splitGrid = (id: string, body: { version: number; line: number[][]; code: string; name: string }) =>
  api<GridEditAnswer>(`/api/grids/${id}/split`, { method: 'POST', json: body });

export const mergeGrids = (id: string, body: { version: number; otherId: string; otherVersion: number; name?: string }) =>
  api<GridEditAnswer>(`/api/grids/${id}/merge`, { method: 'POST', json: body });
