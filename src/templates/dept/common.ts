/** Building blocks shared by the department templates. */
import { ColumnSpec, FixedRowSpec } from '../types';

export function amount(
  key: string,
  no: number | undefined,
  labels: string[],
  zh: string,
  en: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec {
  return { key, role: 'amount', labels, no, name: { zh, en }, ...extra };
}

/** 类 | 款 | 项 split columns, or one combined code column, plus the name column. */
export function functionCodeColumns(): ColumnSpec[] {
  return [
    { key: 'lei', role: 'code-lei', labels: ['类'], name: { zh: '类', en: 'class' }, optional: true },
    { key: 'kuan', role: 'code-kuan', labels: ['款'], name: { zh: '款', en: 'section' }, optional: true },
    { key: 'xiang', role: 'code-xiang', labels: ['项'], name: { zh: '项', en: 'item' }, optional: true },
    {
      key: 'code',
      role: 'code',
      labels: ['科目编码', '功能分类科目编码', '功能科目编码', '科目代码', '编码', '功能科目'],
      name: { zh: '科目编码', en: 'code' },
      optional: true,
    },
    {
      key: 'name',
      role: 'name',
      labels: ['功能分类科目名称', '科目名称', '功能科目名称', '项目', '名称'],
      name: { zh: '科目名称', en: 'name' },
    },
  ];
}

export function economicCodeColumns(): ColumnSpec[] {
  return [
    { key: 'lei', role: 'code-lei', labels: ['类'], name: { zh: '类', en: 'class' }, optional: true },
    { key: 'kuan', role: 'code-kuan', labels: ['款'], name: { zh: '款', en: 'section' }, optional: true },
    {
      key: 'code',
      role: 'code',
      labels: ['经济分类科目编码', '科目编码', '经济科目编码', '科目代码', '编码'],
      name: { zh: '科目编码', en: 'code' },
      optional: true,
    },
    {
      key: 'name',
      role: 'name',
      labels: ['经济分类科目名称', '科目名称', '经济科目名称', '项目', '名称'],
      name: { zh: '科目名称', en: 'name' },
    },
  ];
}

/** The function classes (类) printed as fixed rows of the expense panel in tables 1 and 4. */
export const FUNCTION_CLASS_ROWS: [string, string][] = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['209', '社会保险基金支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['227', '预备费'],
  ['229', '其他支出'],
  ['230', '转移性支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['233', '债务发行费用支出'],
  ['234', '抗疫特别国债安排的支出'],
];

export function row(
  key: string,
  labels: string[],
  zh: string,
  en: string,
  extra: Partial<FixedRowSpec> = {},
): FixedRowSpec {
  return { key, labels, name: { zh, en }, ...extra };
}

/** The sentence under an empty table: `…没有使用…安排的支出，…为空表。` */
export const EMPTY_NOTE = /没有.*(为空表|为空白表|空表)/;
