import { expect, test } from 'vitest';
import { emailConfirmed, nameConfirmed } from './privacy';

test('the e-mail address confirms in any case, nothing else does', () => {
  expect(emailConfirmed(' Ada@Example.com ', 'ada@example.com')).toBe(true);
  expect(emailConfirmed('ada@example.org', 'ada@example.com')).toBe(false);
  expect(emailConfirmed('', '')).toBe(false);
});

test('the organization name must be exact', () => {
  expect(nameConfirmed('Analytical Engines ', 'Analytical Engines')).toBe(true);
  expect(nameConfirmed('analytical engines', 'Analytical Engines')).toBe(false);
  expect(nameConfirmed('Analytical', 'Analytical Engines')).toBe(false);
});
