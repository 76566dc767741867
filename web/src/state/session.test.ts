import { describe, expect, test } from 'vitest';
import type { Me } from '../api/types';
import { assignableRoles, atLeast, canAdminister, canAnalyze, initials } from './session';

const me = (role: Me['organizations'][number]['role'] | undefined): Me => ({
  id: 'u', email: 'ada.lovelace@example.com', name: 'Ada Lovelace', createdAt: '', apiKey: false,
  organization: role ? { id: 'o', name: 'Org', role, createdAt: '' } : undefined, organizations: [],
});

describe('roles', () => {
  test('each role can what the roles below it can', () => {
    expect(atLeast('admin', 'analyst')).toBe(true);
    expect(atLeast('viewer', 'analyst')).toBe(false);
    expect(atLeast(undefined, 'viewer')).toBe(false);
    expect(canAnalyze(me('viewer'))).toBe(false);
    expect(canAnalyze(me('analyst'))).toBe(true);
    expect(canAdminister(me('analyst'))).toBe(false);
    expect(canAdminister(me('owner'))).toBe(true);
    expect(canAnalyze(me(undefined))).toBe(false);
  });

  test('only an owner grants ownership', () => {
    expect(assignableRoles(me('admin'))).not.toContain('owner');
    expect(assignableRoles(me('owner'))).toContain('owner');
    expect(initials(me('owner'))).toBe('AL');
  });
});
