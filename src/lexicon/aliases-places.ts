/**
 * Places that the statistical table (divisions.json, 2023 codes) lacks or names differently, kept by hand; read by
 * geography-data.ts. `parent` is the full standard name of a place in divisions.json or in this file, and must name
 * one place only (checked when the geography loads). Only well-established entries belong here, each with its reason.
 * (A data module, not YAML, so loading needs no YAML parse; the levels are type-checked.)
 */
import type { Level } from './geography-data.js';

/** Province-level divisions outside the statistical table; codes as in GB/T 2260. */
export const EXTRA_PROVINCES: ReadonlyArray<{ code: string; name: string }> = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];

/**
 * Zones that write their own plans (国家级新区, 示范区 …), level `zone`, without a statistical code (code '').
 * Real districts keep their table entry and need nothing here: 滨海新区 (天津市), 浦东新区 (上海市), 南沙区 (广州市),
 * 黄岛区 (青岛市), 金州区 (大连市), and 杨陵区, which the statistical code keeps under 咸阳市 while the 杨凌 zone
 * below is run by the province. `aliases` are other full names, searched by findPlaces as they are.
 */
export const ZONES: ReadonlyArray<{ name: string; parent: string; aliases: readonly string[] }> = [
  { name: '雄安新区', parent: '河北省', aliases: ['河北雄安新区'] },
  { name: '两江新区', parent: '重庆市', aliases: ['重庆两江新区'] },
  { name: '杨凌示范区', parent: '陕西省', aliases: ['杨凌农业高新技术产业示范区', '杨凌'] },
  { name: '天府新区', parent: '四川省', aliases: ['四川天府新区'] },
  { name: '贵安新区', parent: '贵州省', aliases: ['贵州贵安新区'] },
  // Run by 西安市 since 2017.
  { name: '西咸新区', parent: '西安市', aliases: ['陕西西咸新区'] },
  { name: '兰州新区', parent: '甘肃省', aliases: ['甘肃兰州新区'] },
  { name: '赣江新区', parent: '江西省', aliases: ['江西赣江新区'] },
  { name: '南沙新区', parent: '广州市', aliases: ['广州南沙新区'] },
  { name: '西海岸新区', parent: '青岛市', aliases: ['青岛西海岸新区'] },
  { name: '金普新区', parent: '大连市', aliases: ['大连金普新区'] },
  { name: '哈尔滨新区', parent: '哈尔滨市', aliases: [] },
  { name: '长春新区', parent: '长春市', aliases: [] },
  { name: '横琴粤澳深度合作区', parent: '广东省', aliases: [] },
  { name: '新疆生产建设兵团', parent: '新疆维吾尔自治区', aliases: [] },
];

/** Units set up after the 2023 table. */
export const CHANGES: ReadonlyArray<{ name: string; level: Level; parent: string }> = [
  // Both set up in December 2024.
  { name: '和安县', level: 'county', parent: '和田地区' },
  { name: '和康县', level: 'county', parent: '和田地区' },
];

/** Other names in common use for a table entry: alias → full standard name. */
export const PLACE_ALIASES: Readonly<Record<string, string>> = {
  博州: '博尔塔拉蒙古自治州',
  克州: '克孜勒苏柯尔克孜自治州',
  巴州: '巴音郭楞蒙古自治州',
};
