import { describe, expect, test } from 'vitest';
import type { Simulation, Workbook } from '../api/types';
import {
  declaredDistribution, fromSimulation, initialModel, isOutput, problems, removeInput, restore, setCorrelation,
  setInput, setOutput, toSpec, updateSettings,
} from './model';

function workbook(declaredInputs: { cell: string; formula: string }[] = [], declaredOutputs: { cell: string; formula: string }[] = []): Workbook {
  return {
    id: 'wb1', name: 'plan.xlsx', sizeBytes: 1, sha256: '', uploadedBy: 'u', createdAt: '',
    summary: {
      sheets: [{ index: 0, name: 'Model', cells: 10, formulaCells: 2, usedRange: 'A1:C5', lastRow: 4, lastCol: 2 }],
      formulaCells: 2, functions: {}, unsupportedFunctions: {}, unsupportedCells: {}, parseErrors: {},
      declaredInputs, declaredOutputs, iterativeCalculation: false, definedNames: 0, tables: 0, hasMacros: false,
    },
  };
}

const F4 = "'WIZEMICE Likest'!F4";
const F5 = "'WIZEMICE Likest'!F5";
const B12 = "'WIZEMICE Likest'!B12";

describe('model setup', () => {
  test('a fresh model has nothing to run and says what is missing', () => {
    const m = initialModel(workbook());
    expect(problems(m)).toEqual([
      'Choose at least one input: click a cell, then "Make input".',
      'Choose at least one output: click a cell, then "Make output".',
    ]);
  });

  test('two inputs and an output make the request the server takes', () => {
    let m = initialModel(workbook());
    m = setInput(m, F4, 'Triangular(0.05, 0.10, 0.15)');
    m = setInput(m, F5, 'Triangular(0.12, 0.15, 0.20)');
    m = setOutput(m, B12, true);
    m = updateSettings(m, { iterations: 10_000, seed: '42', sampling: 'mc', name: ' base case ' });
    expect(problems(m)).toEqual([]);
    expect(toSpec(m)).toEqual({
      workbookId: 'wb1', name: 'base case',
      inputs: [{ cell: F4, distribution: 'Triangular(0.05, 0.10, 0.15)' }, { cell: F5, distribution: 'Triangular(0.12, 0.15, 0.20)' }],
      outputs: [{ cell: B12 }], iterations: 10_000, seed: 42, sampling: 'mc', correlations: [], correlationMethod: 'iman-conover',
    });
    expect(toSpec(updateSettings(m, { seed: '' })).seed).toBeUndefined();
  });

  test('setting an input again changes its distribution; any spelling of the cell is the same cell', () => {
    let m = setInput(initialModel(workbook()), F4, 'Normal(1, 2)');
    m = setInput(m, "'WIZEMICE Likest'!$F$4", 'Uniform(0, 1)');
    expect(m.inputs).toEqual([{ cell: F4, distribution: 'Uniform(0, 1)', declared: false }]);
  });

  test('outputs toggle, and a cell cannot be input and output at once', () => {
    let m = setOutput(initialModel(workbook()), B12, true);
    expect(isOutput(m, B12)).toBe(true);
    expect(setOutput(m, B12, true)).toBe(m);
    m = setInput(m, B12, 'Normal(1, 1)');
    expect(problems(m)).toContain(`${B12} cannot be both an input and an output.`);
    expect(isOutput(setOutput(m, B12, false), B12)).toBe(false);
  });

  test('removing an input removes its correlations', () => {
    let m = setInput(setInput(initialModel(workbook()), F4, 'Normal(1, 1)'), F5, 'Normal(2, 1)');
    m = setCorrelation(m, F4, F5, 0.6);
    expect(m.correlations).toEqual([{ first: F4, second: F5, coefficient: 0.6 }]);
    m = setCorrelation(m, F5, F4, -0.3); // the same pair in the other order replaces it
    expect(m.correlations).toEqual([{ first: F5, second: F4, coefficient: -0.3 }]);
    expect(removeInput(m, F4).correlations).toEqual([]);
    expect(setCorrelation(m, F4, F5, 0).correlations).toEqual([]);
  });

  test('bad settings are named', () => {
    let m = setOutput(setInput(initialModel(workbook()), F4, 'Normal(1, 1)'), B12, true);
    expect(problems(updateSettings(m, { iterations: 0 }))[0]).toMatch(/^Iterations must be/);
    expect(problems(updateSettings(m, { iterations: 20_000_000 }))[0]).toMatch(/^Iterations must be/);
    expect(problems(updateSettings(m, { seed: '-5' }))).toEqual(['The seed must be a whole number (or empty for a random one).']);
    m = setCorrelation(setInput(m, F5, 'Normal(1, 1)'), F4, F5, 1.5);
    expect(problems(m)[0]).toMatch(/must be between −1 and 1/);
  });

  test('inputs and outputs the workbook declares are marked from the start', () => {
    const wb = workbook([{ cell: "'Model'!B3", formula: '=RiskTriang(1,2,4)*B5' }], [{ cell: "'Model'!C9", formula: '=RiskOutput()+B3' }]);
    const m = initialModel(wb);
    expect(m.inputs).toEqual([{ cell: "'Model'!B3", distribution: 'RiskTriang(1,2,4)', declared: true, formula: '=RiskTriang(1,2,4)*B5' }]);
    expect(m.outputs).toEqual([{ cell: "'Model'!C9", declared: true }]);
    expect(problems(m)).toEqual([]);
    // declared inputs run from the workbook's formulas: nothing to send; declared outputs are listed
    expect(toSpec(m).inputs).toEqual([]);
    expect(toSpec(m).outputs).toEqual([{ cell: "'Model'!C9" }]);
  });

  test('a declared input can be replaced, and removing the replacement restores the workbook one', () => {
    const wb = workbook([{ cell: "'Model'!B3", formula: '=RiskNormal(100,10)' }]);
    let m = setInput(initialModel(wb), 'Model!B3', 'Uniform(80, 120)');
    expect(m.inputs[0]).toMatchObject({ declared: true, replaced: true, distribution: 'Uniform(80, 120)' });
    expect(toSpec(m).inputs).toEqual([{ cell: "'Model'!B3", distribution: 'Uniform(80, 120)' }]);
    m = removeInput(m, "'Model'!B3");
    expect(m.inputs).toHaveLength(1);
    expect(m.inputs[0]).toMatchObject({ declared: true, replaced: false, distribution: 'RiskNormal(100,10)' });
  });

  test('declared distributions are found inside larger formulas', () => {
    expect(declaredDistribution('=RiskNormal(100, 10, RiskName("Price"))*2')).toBe('RiskNormal(100, 10, RiskName("Price"))');
    expect(declaredDistribution('=B4+RiskPert(1,2,3)')).toBe('RiskPert(1,2,3)');
  });

  test('a past run reopens as its model', () => {
    const sim = {
      id: 's', workbookId: 'wb1', name: 'base', state: 'completed', iterations: 5000, seed: 7, sampling: 'sobol',
      createdAt: '', progress: { iterationsDone: 5000, iterations: 5000, fraction: 1 }, cancelRequested: false,
      spec: { workbookId: 'wb1', inputs: [{ cell: F4, distribution: 'Normal(1,1)' }], outputs: [{ cell: B12 }], correlations: [], correlationMethod: 'gaussian' },
    } as Simulation;
    const m = fromSimulation(workbook(), sim);
    expect(toSpec(m)).toMatchObject({ name: 'base', iterations: 5000, seed: 7, sampling: 'sobol', correlationMethod: 'gaussian', outputs: [{ cell: B12 }] });
  });

  test('a stored model is restored only for its own workbook', () => {
    const m = setInput(initialModel(workbook()), F4, 'Normal(1, 1)');
    expect(restore(JSON.stringify(m), workbook())).toEqual(m);
    expect(restore(JSON.stringify({ ...m, workbookId: 'other' }), workbook())).toBeNull();
    expect(restore('{not json', workbook())).toBeNull();
    expect(restore(null, workbook())).toBeNull();
  });
});
