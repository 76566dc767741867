import { describe, expect, test } from 'vitest';
import type { AuditEntry } from '../api/types';
import { actorLabel, auditExportUrl, auditQuery, firstAuditPage, newer, older, pageRange, targetLabel, verificationText } from './audit';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({ id: 'e1', seq: 1, occurredAt: '2026-12-07T10:00:00Z', actorType: 'USER', action: 'workbook.upload', hash: 'h', ...over });

describe('audit query', () => {
  test('the first page asks for the newest entries with no filter', () => {
    expect(auditQuery(firstAuditPage())).toBe('?limit=25');
  });

  test('an action family is passed on as typed, trimmed and encoded', () => {
    expect(auditQuery({ action: ' workbook.* ', limit: 25, offset: 50 })).toBe('?action=workbook.*&limit=25&offset=50');
    expect(auditQuery({ action: 'a&b', limit: 10, offset: 0 })).toBe('?action=a%26b&limit=10');
  });

  test('the export keeps the filter but not the paging', () => {
    expect(auditExportUrl('org-1', 'csv', 'simulation.*')).toBe('/api/v1/organizations/org-1/audit/export?format=csv&action=simulation.*');
    expect(auditExportUrl('org-1', 'jsonl')).toBe('/api/v1/organizations/org-1/audit/export?format=jsonl');
  });
});

describe('paging, newest first', () => {
  test('the first page has nothing newer; a full page may have older entries', () => {
    const first = firstAuditPage('workbook.*');
    expect(newer(first)).toBeNull();
    expect(older(first, 25)).toEqual({ action: 'workbook.*', limit: 25, offset: 25 });
    expect(older(first, 24)).toBeNull();
  });

  test('newer goes back one page and never before the first', () => {
    expect(newer({ action: '', limit: 25, offset: 50 })?.offset).toBe(25);
    expect(newer({ action: '', limit: 25, offset: 10 })?.offset).toBe(0);
  });

  test('the range shown counts from one', () => {
    expect(pageRange({ action: '', limit: 25, offset: 25 }, 6)).toBe('26–31');
    expect(pageRange(firstAuditPage(), 0)).toBe('no entries');
    expect(pageRange({ action: '', limit: 25, offset: 25 }, 0)).toBe('none after 25');
  });
});

describe('who and what', () => {
  test('a person by e-mail, a key by its id, Carlo and nobody by name', () => {
    expect(actorLabel(entry({ actorEmail: 'ada@example.com' }))).toBe('ada@example.com');
    expect(actorLabel(entry({ actorType: 'API_KEY', actorEmail: 'ada@example.com', actorKeyId: '0b3a4a52-0000-4000-8000-000000000000' })))
      .toBe('ada@example.com · API key 0b3a4a52…');
    expect(actorLabel(entry({ actorType: 'SYSTEM' }))).toBe('Carlo (system)');
    expect(actorLabel(entry({ actorType: 'ANONYMOUS' }))).toBe('anonymous');
    expect(actorLabel(entry({ actorType: 'USER' }))).toBe('a deleted user');
  });

  test('the target by type and the start of its id', () => {
    expect(targetLabel(entry({ targetType: 'workbook', targetId: '0b3a4a52-0000-4000-8000-000000000000' }))).toBe('workbook 0b3a4a52…');
    expect(targetLabel(entry({}))).toBe('—');
  });

  test('the verification in a sentence', () => {
    expect(verificationText({ valid: true, entries: 1234 })).toBe('Intact (1,234 entries)');
    expect(verificationText({ valid: true, entries: 1 })).toBe('Intact (1 entry)');
    expect(verificationText({ valid: false, entries: 9, brokenAt: 4, problem: 'entry 4 was changed' })).toBe('Broken at entry #4: entry 4 was changed');
  });
});
