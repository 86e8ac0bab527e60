// The one authorisation decision, on a small tree with agencies: who receives, who compiles, and what
// each role reaches, by unit identity and by the dates roles are in force.
import { describe, expect, it } from 'vitest';
import { accessTo, compilerOf, type Grant, grantsInForce, receiverOf, visibleUnits } from '../../domain/access';
import { buildUnitTree, type TreeUnit } from '../../domain/unit-tree';

const u = (id: number, code: string, level: TreeUnit['level'], parentId: number | null, sector: string | null = null): TreeUnit => ({
  id,
  code,
  name: code,
  kind: '',
  level,
  sector,
  parentId,
});
const tree = buildUnitTree('2026-06-14', [
  u(1, '20', 'province', null),
  u(2, '05977', 'commune', 1),
  u(3, '05983', 'commune', 1),
  u(4, '20-TTR', 'agency', 1, 'thanh-tra'),
  u(5, '20-NV', 'agency', 1, 'noi-vu'),
  u(6, '05977-VHXH', 'agency', 2, 'van-hoa-xa-hoi'),
]);
const at = (code: string) => tree.byCode(code)!;
const grant = (role: Grant['role'], unitId: number | null): Grant => ({ role, unitId, validFrom: '2025-07-01', validTo: null });
const ROUTED = { province: 'thanh-tra' };

describe('receiverOf and compilerOf', () => {
  it('without routing the unit above receives, and the top unit receives its own report', () => {
    expect(receiverOf(at('05977'), tree, {}).code).toBe('20');
    expect(receiverOf(at('20'), tree, {}).code).toBe('20');
    expect(compilerOf(at('20'), tree, {})).toBeUndefined();
  });

  it("with routing the province's agency of that sector receives the communes' reports and compiles the province's", () => {
    expect(receiverOf(at('05977'), tree, ROUTED).code).toBe('20-TTR');
    expect(compilerOf(at('20'), tree, ROUTED)?.code).toBe('20-TTR');
    // An agency's own report goes to the routed agency at its level too.
    expect(receiverOf(at('20-NV'), tree, ROUTED).code).toBe('20-TTR');
  });

  it('routing to a sector the level has no agency for falls back to the unit itself', () => {
    expect(receiverOf(at('05977'), tree, { province: 'tai-chinh' }).code).toBe('20');
  });
});

describe('accessTo', () => {
  it('an officer writes their own unit only, and reads nothing else', () => {
    const officer = [grant('officer', 2)];
    expect(accessTo(officer, at('05977'), tree, ROUTED)).toMatchObject({ view: true, write: true, decide: false, relation: 'own' });
    expect(accessTo(officer, at('05983'), tree, ROUTED).view).toBe(false);
    expect(accessTo(officer, at('05977-VHXH'), tree, ROUTED).view).toBe(false);
  });

  it('the routed agency head decides what arrives; the province head then only reads it', () => {
    expect(accessTo([grant('head', 4)], at('05977'), tree, ROUTED)).toMatchObject({ view: true, write: false, decide: true, relation: 'receiver' });
    expect(accessTo([grant('head', 1)], at('05977'), tree, ROUTED)).toMatchObject({ view: true, decide: false, relation: 'scope' });
    expect(accessTo([grant('head', 1)], at('05977'), tree, {})).toMatchObject({ decide: true, relation: 'receiver' });
  });

  it("a viewer reads a subtree and changes nothing; a role on a unit version not in the tree reaches nothing", () => {
    expect(accessTo([grant('viewer', 1)], at('05983'), tree, ROUTED)).toMatchObject({ view: true, write: false, decide: false });
    expect(accessTo([grant('head', 99)], at('05977'), tree, ROUTED).view).toBe(false);
  });

  it('lists only what the roles reach', () => {
    // The inspectorate's officer: what arrives at it, the province's report it compiles, and its own.
    expect(visibleUnits([grant('officer', 4)], tree, ROUTED).map((x) => x.code).sort()).toEqual(['05977', '05983', '20', '20-NV', '20-TTR']);
    expect(visibleUnits([], tree, ROUTED)).toEqual([]);
  });
});

describe('grantsInForce', () => {
  it('keeps the roles whose dates include the day, ends included', () => {
    const grants: Grant[] = [
      { role: 'officer', unitId: 2, validFrom: '2020-01-01', validTo: '2025-06-30' },
      { role: 'head', unitId: 1, validFrom: '2025-07-01', validTo: null },
    ];
    expect(grantsInForce(grants, '2025-06-30').map((g) => g.role)).toEqual(['officer']);
    expect(grantsInForce(grants, '2025-07-01').map((g) => g.role)).toEqual(['head']);
  });
});
