// The demo hierarchy of Lạng Sơn, with official names and GSO codes, before and after the 2025 reform.
// A sample only: the full official lists are loaded through the unit importer.
import type { UnitLevel } from '../../schema/api';

export interface DemoUnit {
  /** Local key, so that parents can be named across the reform, where codes are reused. */
  key: string;
  code: string;
  name: string;
  kind: string;
  level: UnitLevel;
  /** An agency's sector (templates route reports to it by sector). */
  sector?: string;
  parentKey: string | null;
  validFrom: string;
  /** Inclusive; null while in force. */
  validTo: string | null;
}

const BEFORE = { validFrom: '2020-01-01', validTo: '2025-06-30' };
const AFTER = { validFrom: '2025-07-01', validTo: null };

const district = (code: string, name: string, kind = 'Huyện'): DemoUnit => ({
  key: `d${code}`,
  code,
  name: `${kind} ${name}`,
  kind,
  level: 'district',
  parentKey: 'p20',
  ...BEFORE,
});

const communeBefore = (district: string, code: string, kind: string, name: string): DemoUnit => ({
  key: `c${code}-2020`,
  code,
  name: `${kind} ${name}`,
  kind,
  level: 'commune',
  parentKey: `d${district}`,
  ...BEFORE,
});

const communeAfter = (code: string, kind: string, name: string): DemoUnit => ({
  key: `c${code}-2025`,
  code,
  name: `${kind} ${name}`,
  kind,
  level: 'commune',
  parentKey: 'p20',
  ...AFTER,
});

/** A provincial agency (sở, ban, ngành): it continues across the reform, like the province. */
const provincialAgency = (code: string, kind: string, name: string, sector: string): DemoUnit => ({
  key: `a${code}`,
  code,
  name,
  kind,
  level: 'agency',
  sector,
  parentKey: 'p20',
  validFrom: '2020-01-01',
  validTo: null,
});

/** A commune's phòng, which communes have had since the two-tier reform (Nghị định 150/2025/NĐ-CP). */
const communeOffice = (commune: string, suffix: string, name: string, sector: string): DemoUnit => ({
  key: `a${commune}-${suffix}`,
  code: `${commune}-${suffix}`,
  name,
  kind: 'Phòng',
  level: 'agency',
  sector,
  parentKey: `c${commune}-2025`,
  ...AFTER,
});

/**
 * Until 30/06/2025 three levels; from 01/07/2025 (Nghị quyết 1672/NQ-UBTVQH15) province → commune,
 * and codes 05977 and 06187 name other units than before. The province itself continues.
 */
export const DEMO_UNITS: DemoUnit[] = [
  { key: 'p20', code: '20', name: 'Tỉnh Lạng Sơn', kind: 'Tỉnh', level: 'province', parentKey: null, validFrom: '2020-01-01', validTo: null },
  district('178', 'Lạng Sơn', 'Thành phố'),
  district('180', 'Tràng Định'),
  district('181', 'Bình Gia'),
  district('182', 'Văn Lãng'),
  district('183', 'Cao Lộc'),
  district('184', 'Văn Quan'),
  district('185', 'Bắc Sơn'),
  district('186', 'Hữu Lũng'),
  district('187', 'Chi Lăng'),
  district('188', 'Lộc Bình'),
  district('189', 'Đình Lập'),
  communeBefore('178', '05971', 'Phường', 'Hoàng Văn Thụ'),
  communeBefore('178', '05974', 'Phường', 'Tam Thanh'),
  communeBefore('178', '05977', 'Phường', 'Vĩnh Trại'),
  communeBefore('178', '05980', 'Phường', 'Đông Kinh'),
  communeBefore('180', '05998', 'Xã', 'Khánh Long'),
  communeBefore('180', '06001', 'Xã', 'Đoàn Kết'),
  communeBefore('183', '06184', 'Thị trấn', 'Đồng Đăng'),
  communeBefore('183', '06187', 'Thị trấn', 'Cao Lộc'),
  communeBefore('189', '06613', 'Thị trấn', 'Đình Lập'),
  communeBefore('189', '06616', 'Thị trấn', 'NT Thái Bình'),
  communeAfter('05977', 'Phường', 'Đông Kinh'),
  communeAfter('05983', 'Phường', 'Lương Văn Tri'),
  communeAfter('05986', 'Phường', 'Tam Thanh'),
  communeAfter('06187', 'Phường', 'Kỳ Lừa'),
  communeAfter('06001', 'Xã', 'Đoàn Kết'),
  // Agencies: codes are the project's own (the province code and the agency's initials), not the
  // mã định danh of Quyết định 20/2020/QĐ-TTg, which the province assigns.
  provincialAgency('20-NV', 'Sở', 'Sở Nội vụ tỉnh Lạng Sơn', 'noi-vu'),
  provincialAgency('20-TTR', 'Thanh tra', 'Thanh tra tỉnh Lạng Sơn', 'thanh-tra'),
  provincialAgency('20-VP', 'Văn phòng', 'Văn phòng UBND tỉnh Lạng Sơn', 'van-phong'),
  provincialAgency('20-KHCN', 'Sở', 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn', 'khoa-hoc-cong-nghe'),
  communeOffice('05977', 'VHXH', 'Phòng Văn hóa - Xã hội phường Đông Kinh', 'van-hoa-xa-hoi'),
  communeOffice('05983', 'VHXH', 'Phòng Văn hóa - Xã hội phường Lương Văn Tri', 'van-hoa-xa-hoi'),
  communeOffice('05986', 'VHXH', 'Phòng Văn hóa - Xã hội phường Tam Thanh', 'van-hoa-xa-hoi'),
  communeOffice('06187', 'VHXH', 'Phòng Văn hóa - Xã hội phường Kỳ Lừa', 'van-hoa-xa-hoi'),
  communeOffice('06001', 'VHXH', 'Phòng Văn hóa - Xã hội xã Đoàn Kết', 'van-hoa-xa-hoi'),
];

/**
 * Which pre-reform units each post-reform commune continues, from the "Sáp nhập từ" column of the
 * official list of 01/07/2025 (units-2025-07-01-lang-son.csv), for the predecessors in this sample:
 * [predecessor key, successor key, share].
 */
export const DEMO_SUCCESSIONS: [string, string, 'full' | 'partial'][] = [
  ['c05977-2020', 'c05977-2025', 'full'],
  ['c05980-2020', 'c05977-2025', 'full'],
  ['c05974-2020', 'c05986-2025', 'full'],
  ['c05971-2020', 'c06187-2025', 'full'],
  ['c06187-2020', 'c06187-2025', 'full'],
  ['c05998-2020', 'c06001-2025', 'full'],
  ['c06001-2020', 'c06001-2025', 'full'],
];
