/** The agencies view: canonical agencies across levels and spellings, with the tasks each leads or shares. */
import type { AgencyPlanCell, AgencyRow, CompareResult } from '../types.js';
import { dict } from '../types.js';
import type { CompareOptions, Prepared } from '../options.js';
import { AgencyResolver } from '../agencies.js';

/** Agencies: canonical rows, most widely shared first, and the names no alias matched. */
export function agencyRows(plans: Prepared[], options: CompareOptions): { rows: AgencyRow[]; unknown: CompareResult['unknown_agencies'] } {
  const resolver = new AgencyResolver(options.vocabulary.agencies);
  const rows = new Map<string, AgencyRow>();
  const unknown = new Map<string, Set<string>>();
  for (const p of plans) {
    for (const t of p.plan.tasks) {
      for (const [role, names] of [['lead', t.lead ?? []], ['responsible', t.responsible ?? []]] as const) {
        for (const written of names) {
          const m = resolver.resolve(p.match(written), p.own);
          let r = rows.get(m.id);
          if (!r) rows.set(m.id, (r = { id: m.id, name: m.name, known: m.known, plans: dict<AgencyPlanCell>() }));
          const cell: AgencyPlanCell = (r.plans[p.label] ??= { names: [], lead: [], responsible: [] });
          if (!cell.names.includes(written)) cell.names.push(written);
          if (!cell[role].includes(t.id)) cell[role].push(t.id);
          if (!m.known) {
            const set = unknown.get(written) ?? new Set<string>();
            set.add(p.label);
            unknown.set(written, set);
          }
        }
      }
    }
  }
  const loads = new Map<AgencyRow, number>();
  const load = (r: AgencyRow) => {
    let n = loads.get(r);
    if (n === undefined) loads.set(r, (n = Object.values(r.plans).reduce((k, c) => k + new Set([...c.lead, ...c.responsible]).size, 0)));
    return n;
  };
  const sorted = [...rows.values()].sort((a, b) =>
    Object.keys(b.plans).length - Object.keys(a.plans).length || load(b) - load(a) || Number(b.known) - Number(a.known) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows: sorted, unknown: [...unknown].map(([name, set]) => ({ name, plans: [...set] })) };
}

