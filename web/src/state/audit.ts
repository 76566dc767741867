// The audit log card's logic: the query for a page of entries, paging newest first, the export
// addresses, and the words for who did what and for the chain's verification.
import { query } from '../api/client';
import type { AuditEntry, AuditVerification } from '../api/types';

/** Entries per page: enough to see a session's work at a glance, small enough to read. */
export const AUDIT_PAGE_SIZE = 25;

export interface AuditView {
  /** exact action or a family such as "workbook.*"; blank for every action */
  action: string;
  offset: number;
  limit: number;
}

export const firstAuditPage = (action = ''): AuditView => ({ action, offset: 0, limit: AUDIT_PAGE_SIZE });

/** The query string for a page of entries; a blank filter is left out, so it matches everything. */
export function auditQuery(view: AuditView): string {
  return query({ action: view.action.trim(), limit: view.limit, offset: view.offset || undefined });
}

/** The export's address: same action filter, all pages (the server streams every match). */
export function auditExportUrl(organizationId: string, format: 'csv' | 'jsonl', action = ''): string {
  return `/api/v1/organizations/${organizationId}/audit/export${query({ format, action: action.trim() })}`;
}

/** Newer entries sit before this page (the log is newest first). */
export function newer(view: AuditView): AuditView | null {
  return view.offset > 0 ? { ...view, offset: Math.max(0, view.offset - view.limit) } : null;
}

/**
 * Older entries may follow when this page came back full; a full last page costs one empty
 * look, which is cheaper than counting the whole log on every page.
 */
export function older(view: AuditView, shown: number): AuditView | null {
  return shown >= view.limit ? { ...view, offset: view.offset + view.limit } : null;
}

/** Which entries of the log a page shows, as people count them: "1–25", "26–31". */
export function pageRange(view: AuditView, shown: number): string {
  if (shown === 0) return view.offset === 0 ? 'no entries' : `none after ${view.offset}`;
  return `${view.offset + 1}–${view.offset + shown}`;
}

/** Who did it: the person's e-mail when known, else what acted (a key, Carlo itself, nobody known). */
export function actorLabel(e: AuditEntry): string {
  const type = (e.actorType ?? '').toUpperCase();
  if (type === 'API_KEY') return `${e.actorEmail ? `${e.actorEmail} · ` : ''}API key ${short(e.actorKeyId)}`;
  if (e.actorEmail) return e.actorEmail;
  if (type === 'SYSTEM') return 'Carlo (system)';
  if (type === 'ANONYMOUS') return 'anonymous';
  if (type === 'USER') return e.actorUserId ? `user ${short(e.actorUserId)}` : 'a deleted user';
  return type.toLowerCase() || '—';
}

/** What it was done to: its type and the start of its id (the full id is in the export). */
export function targetLabel(e: AuditEntry): string {
  if (!e.targetType && !e.targetId) return '—';
  return [e.targetType, e.targetId ? short(e.targetId) : undefined].filter(Boolean).join(' ');
}

/** The verdict of recomputing the hash chain, in a sentence. */
export function verificationText(v: AuditVerification): string {
  const count = `${v.entries.toLocaleString('en-US')} ${v.entries === 1 ? 'entry' : 'entries'}`;
  if (v.valid) return `Intact (${count})`;
  const where = v.brokenAt !== undefined && v.brokenAt !== null ? ` at entry #${v.brokenAt}` : '';
  return `Broken${where}: ${v.problem ?? 'the chain does not verify'}`;
}

function short(id: string | undefined): string {
  if (!id) return '';
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
