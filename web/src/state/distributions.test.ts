import { describe, expect, test } from 'vitest';
import type { DistributionInfo } from '../api/types';
import { buildCall, checkParameters, fieldsFor, findDistribution, parameterLabel, parseCall, searchDistributions } from './distributions';

const catalog: DistributionInfo[] = [
  { name: 'Normal', aliases: ['Norm', 'Gaussian'], parameters: ['mean', 'standard deviation'], required: 2, family: 'continuous', defaults: ['100', '10'], example: 'Normal(100, 10)' },
  { name: 'Triangular', aliases: ['Triang', 'Triangle'], parameters: ['min', 'most likely', 'max'], required: 3, family: 'continuous', defaults: ['80', '100', '130'], example: 'Triangular(80, 100, 130)' },
  { name: 'Pert', aliases: ['ModPert', 'BetaPert'], parameters: ['min', 'most likely', 'max', 'shape'], required: 3, family: 'continuous', defaults: ['80', '100', '130'], example: 'Pert(80, 100, 130)' },
  { name: 'Poisson', aliases: [], parameters: ['lambda (mean)'], required: 1, family: 'discrete', defaults: ['4.5'], example: 'Poisson(4.5)' },
  { name: 'Discrete', aliases: [], parameters: ['{values}', '{weights}'], required: 2, family: 'empirical', defaults: ['{1,2,3}', '{0.2,0.5,0.3}'], example: 'Discrete({1,2,3}, {0.2,0.5,0.3})' },
];

describe('distribution picker', () => {
  test('search ranks names before aliases before substrings, and ignores Risk', () => {
    expect(searchDistributions(catalog, '').map((d) => d.name)).toEqual(catalog.map((d) => d.name));
    expect(searchDistributions(catalog, 'tri').map((d) => d.name)).toEqual(['Triangular']);
    expect(searchDistributions(catalog, 'RiskTriang')[0].name).toBe('Triangular');
    expect(searchDistributions(catalog, 'gauss').map((d) => d.name)).toEqual(['Normal']);
    expect(searchDistributions(catalog, 'pert').map((d) => d.name)).toEqual(['Pert']);
    expect(searchDistributions(catalog, 'discrete').map((d) => d.name)).toEqual(['Discrete', 'Poisson']);
    expect(searchDistributions(catalog, 'zzz')).toEqual([]);
  });

  test('calls split at top-level commas only', () => {
    expect(parseCall('Triangular(0.05, 0.1, 0.15)')).toEqual({ name: 'Triangular', args: ['0.05', '0.1', '0.15'] });
    expect(parseCall('=RiskDiscrete({1,2,3},{0.2,0.5,0.3})')).toEqual({ name: 'RiskDiscrete', args: ['{1,2,3}', '{0.2,0.5,0.3}'] });
    expect(parseCall('Normal(100, 10, RiskTruncate(80, 120))')?.args).toEqual(['100', '10', 'RiskTruncate(80, 120)']);
    expect(parseCall('Expon()')).toEqual({ name: 'Expon', args: [] });
    expect(parseCall('Normal(100, 10')).toBeNull();
    expect(parseCall('100')).toBeNull();
  });

  test('names are found by any spelling', () => {
    expect(findDistribution(catalog, 'RiskTriang')?.name).toBe('Triangular');
    expect(findDistribution(catalog, 'gaussian')?.name).toBe('Normal');
    expect(findDistribution(catalog, 'Weibull')).toBeUndefined();
  });

  test('a call is written from the fields, without trailing empty optional ones', () => {
    expect(buildCall('Pert', ['80', '100', '130', ''])).toBe('Pert(80, 100, 130)');
    expect(buildCall('Pert', ['80', '100', '130', '6'])).toBe('Pert(80, 100, 130, 6)');
  });

  test('fields are checked before asking the server', () => {
    const [normal, , pert, , discrete] = catalog;
    expect(checkParameters(normal, ['100', '10'])).toBeNull();
    expect(checkParameters(normal, ['100', ''])).toBe('standard deviation is required');
    expect(checkParameters(normal, ['abc', '10'])).toBe('mean must be a number');
    expect(checkParameters(normal, ['-1.5e3', '10%'])).toBeNull();
    expect(checkParameters(pert, ['1', '2', '3', ''])).toBeNull();
    expect(checkParameters(discrete, ['{1, 2, 3}', '{1;1;2}'])).toBeNull();
    expect(checkParameters(discrete, ['1 2 3', '{1,1,2}'])).toBe('{values} must be a list such as {1, 2, 3}');
  });

  test('fields start from the current call when it is this distribution, else from the example', () => {
    const triangular = catalog[1];
    expect(fieldsFor(triangular, 'Triang(0.05, 0.1, 0.15)')).toEqual(['0.05', '0.1', '0.15']);
    expect(fieldsFor(triangular, 'Normal(1, 2)')).toEqual(['80', '100', '130']);
    expect(fieldsFor(catalog[2])).toEqual(['80', '100', '130', '']);
    expect(parameterLabel('alpha (shape)')).toEqual({ label: 'alpha', hint: 'shape' });
    expect(parameterLabel('{values}')).toEqual({ label: 'values', hint: 'list' });
  });
});
