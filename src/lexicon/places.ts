/**
 * Administrative geography used to read a jurisdiction, its level and its parent from the issuer's name:
 * the 34 province-level divisions (the four 直辖市 count as provinces), and the suffixes of each level.
 */
export const MUNICIPALITIES = ['北京市', '天津市', '上海市', '重庆市'];
export const PROVINCES = [
  '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省',
  '湖南省', '广东省', '海南省', '四川省', '贵州省', '云南省', '陕西省', '甘肃省', '青海省', '台湾省',
  '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区', '香港特别行政区', '澳门特别行政区',
];
/** Short forms that appear in running text (`中共江苏省委`, `广西`). */
export const PROVINCE_SHORT: Record<string, string> = {
  内蒙古: '内蒙古自治区', 广西: '广西壮族自治区', 西藏: '西藏自治区', 宁夏: '宁夏回族自治区', 新疆: '新疆维吾尔自治区',
};
/** Zones run by a 管委会: 开发区, 新区, 高新区 … */
export const ZONE_SUFFIX = /(?:经济技术开发区|高新技术产业开发区|开发区|高新区|新区|园区|示范区|自贸区)$/;
