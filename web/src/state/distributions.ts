// Choosing a distribution: searching the catalogue, writing a call from parameter fields, and
// reading a call back into fields.
import type { DistributionInfo } from '../api/types';

/** The catalogue entries matching a query, best first: name prefix, then alias prefix, then substring. */
export function searchDistributions(catalog: DistributionInfo[], query: string): DistributionInfo[] {
  const q = query.trim().toLowerCase().replace(/^risk/, '');
  if (!q) return catalog;
  const scored: { d: DistributionInfo; score: number; index: number }[] = [];
  catalog.forEach((d, index) => {
    const name = d.name.toLowerCase();
    const aliases = d.aliases.map((a) => a.toLowerCase());
    let score = -1;
    if (name === q || aliases.includes(q)) score = 0;
    else if (name.startsWith(q)) score = 1;
    else if (aliases.some((a) => a.startsWith(q))) score = 2;
    else if (name.includes(q) || aliases.some((a) => a.includes(q))) score = 3;
    else if (d.family.startsWith(q) || d.parameters.some((p) => p.toLowerCase().includes(q))) score = 4;
    if (score >= 0) scored.push({ d, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.d);
}

export interface DistributionCall {
  name: string;
  args: string[];
}

/** Splits a call such as Discrete({1,2},{0.5,0.5}) into its name and top-level arguments. */
export function parseCall(text: string): DistributionCall | null {
  const t = text.trim().replace(/^=/, '');
  const open = t.indexOf('(');
  if (open <= 0 || !t.endsWith(')')) return null;
  const name = t.slice(0, open).trim();
  if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(name)) return null;
  const inner = t.slice(open + 1, -1);
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of inner) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '(' || ch === '{')) depth++;
    if (!quoted && (ch === ')' || ch === '}')) depth--;
    if (depth < 0) return null;
    if (ch === ',' && depth === 0 && !quoted) {
      args.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0 || quoted) return null;
  if (current.trim() !== '' || args.length > 0) args.push(current.trim());
  return { name, args };
}

/** The catalogue entry a name stands for, by any of its spellings, with or without "Risk". */
export function findDistribution(catalog: DistributionInfo[], name: string): DistributionInfo | undefined {
  const n = name.toLowerCase().replace(/^risk(?=.)/, '');
  return catalog.find((d) => d.name.toLowerCase() === n || d.aliases.some((a) => a.toLowerCase() === n));
}

/** A call from parameter fields; empty optional parameters at the end are left out. */
export function buildCall(name: string, values: string[]): string {
  const args = values.map((v) => v.trim());
  while (args.length > 0 && args[args.length - 1] === '') args.pop();
  return `${name}(${args.join(', ')})`;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/;
const LIST = /^\{\s*[-+]?[\d.eE+-]+%?(\s*[,;]\s*[-+]?[\d.eE+-]+%?)*\s*\}$/;

/**
 * What is wrong with the fields before the server is asked: a missing required value or one that
 * is not a number (a list parameter takes {1, 2, 3}). The server checks the rest (ranges, order).
 */
export function checkParameters(info: DistributionInfo, values: string[]): string | null {
  for (let i = 0; i < info.parameters.length; i++) {
    const v = (values[i] ?? '').trim();
    const label = info.parameters[i];
    if (v === '') {
      if (i < info.required) return `${label} is required`;
      continue;
    }
    const list = label.startsWith('{');
    if (list ? !LIST.test(v) && !NUMBER.test(v) : !NUMBER.test(v)) {
      return list ? `${label} must be a list such as {1, 2, 3}` : `${label} must be a number`;
    }
  }
  for (let i = info.required; i < values.length - 1; i++) {
    if ((values[i] ?? '').trim() === '' && values.slice(i + 1).some((v) => v.trim() !== '')) {
      return `give ${info.parameters[i]} before the parameters after it`;
    }
  }
  return null;
}

/** The fields for a distribution: the values of an existing call when it is this one, else its example. */
export function fieldsFor(info: DistributionInfo, current?: string): string[] {
  const call = current ? parseCall(current) : null;
  const fields = info.parameters.map((_, i) => info.defaults[i] ?? '');
  if (call && findDistribution([info], call.name)) {
    return info.parameters.map((_, i) => call.args[i] ?? '');
  }
  return fields;
}

/** The parameters' names without their explanations: "alpha (shape)" is shown as alpha, with a hint. */
export function parameterLabel(parameter: string): { label: string; hint: string } {
  const m = /^(.*?)\s*\((.*)\)$/.exec(parameter);
  return m ? { label: m[1], hint: m[2] } : { label: parameter.replace(/[{}]/g, ''), hint: parameter.startsWith('{') ? 'list' : '' };
}
