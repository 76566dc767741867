// Every route of the Carlo API the UI calls, typed.
import { del, get, patch, post, put, query } from './client';
import type {
  ApiKey, AuditPage, AuditVerification, DistributionInfo, DistributionPreview, GridWindow, HistogramView, Invitation, Me, Member,
  OrganizationView, Results, ScatterView, Simulation, SimulationSpec, Usage, Workbook,
} from './types';

const V1 = '/api/v1';

export const api = {
  me: () => get<Me>(`${V1}/me`),
  signUp: (body: { email: string; password: string; name?: string; organization?: string }) =>
    post<Me>(`${V1}/auth/signup`, body, { anonymous: true }),
  signIn: (body: { email: string; password: string }) => post<Me>(`${V1}/auth/login`, body, { anonymous: true }),
  signOut: () => post<void>(`${V1}/auth/logout`, {}, { anonymous: true }),
  switchOrganization: (organizationId: string) => put<Me>(`${V1}/me/organization`, { organizationId }),
  createOrganization: (name: string) => post<OrganizationView>(`${V1}/organizations`, { name }),
  renameOrganization: (name: string) => patch<OrganizationView>(`${V1}/organization`, { name }),

  members: () => get<Member[]>(`${V1}/organization/members`),
  usage: (organizationId: string) => get<Usage>(`${V1}/organizations/${organizationId}/usage`),
  changeRole: (userId: string, role: string) => patch<Member>(`${V1}/organization/members/${userId}`, { role }),
  removeMember: (userId: string) => del(`${V1}/organization/members/${userId}`),
  invitations: () => get<Invitation[]>(`${V1}/organization/invitations`),
  invite: (email: string, role: string) => post<Invitation>(`${V1}/organization/invitations`, { email, role }),
  revokeInvitation: (id: string) => del(`${V1}/organization/invitations/${id}`),
  acceptInvitation: (token: string) => post<OrganizationView>(`${V1}/invitations/${encodeURIComponent(token)}/accept`),
  apiKeys: () => get<ApiKey[]>(`${V1}/api-keys`),
  createApiKey: (name: string, role: string) => post<ApiKey>(`${V1}/api-keys`, { name, role }),
  revokeApiKey: (id: string) => del(`${V1}/api-keys/${id}`),

  /** A page of the audit log; the query string comes from state/audit. */
  audit: (organizationId: string, queryString: string) =>
    get<AuditPage>(`${V1}/organizations/${organizationId}/audit${queryString}`),
  verifyAudit: (organizationId: string) => get<AuditVerification>(`${V1}/organizations/${organizationId}/audit/verify`),
  myDataUrl: () => `${V1}/me/export`,
  deleteAccount: (email: string) => del(`${V1}/me`, { confirm: email }),
  organizationExportUrl: (organizationId: string) => `${V1}/organizations/${organizationId}/export`,
  deleteOrganization: (organizationId: string, name: string) => del(`${V1}/organizations/${organizationId}`, { confirm: name }),

  workbooks: () => get<Workbook[]>(`${V1}/workbooks${query({ limit: 200 })}`),
  workbook: (id: string) => get<Workbook>(`${V1}/workbooks/${id}`),
  deleteWorkbook: (id: string) => del(`${V1}/workbooks/${id}`),
  cells: (id: string, sheet: number, range: string, signal?: AbortSignal) =>
    get<GridWindow>(`${V1}/workbooks/${id}/sheets/${sheet}/cells${query({ range })}`, { signal }),
  workbookFileUrl: (id: string) => `${V1}/workbooks/${id}/file`,

  distributions: () => get<DistributionInfo[]>(`${V1}/distributions`),
  preview: (distribution: string, signal?: AbortSignal) =>
    post<DistributionPreview>(`${V1}/distributions/preview`, { distribution, points: 160 }, { signal }),

  simulations: (workbookId?: string) =>
    get<Simulation[]>(`${V1}/simulations${query({ workbookId, limit: 200 })}`),
  simulation: (id: string) => get<Simulation>(`${V1}/simulations/${id}`),
  createSimulation: (spec: SimulationSpec) => post<Simulation>(`${V1}/simulations`, spec),
  cancelSimulation: (id: string) => post<Simulation>(`${V1}/simulations/${id}/cancel`),
  deleteSimulation: (id: string) => del(`${V1}/simulations/${id}`),
  results: (id: string) => get<Results>(`${V1}/simulations/${id}/results`),
  histogram: (id: string, output: string, bins: number, signal?: AbortSignal) =>
    get<HistogramView>(`${V1}/simulations/${id}/histogram${query({ output, bins })}`, { signal }),
  scatter: (id: string, output: string, input: string, limit = 2000) =>
    get<ScatterView>(`${V1}/simulations/${id}/samples${query({ output, input, limit })}`),
  eventsUrl: (id: string) => `${V1}/simulations/${id}/events`,
  samplesCsvUrl: (id: string) => `${V1}/simulations/${id}/samples.csv`,
  reportUrl: (id: string) => `${V1}/simulations/${id}/report.xlsx`,
};
