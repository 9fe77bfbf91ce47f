import type { Messages } from '../../shared/i18n';

type Key =
  | 'title'
  | 'intro'
  | 'file'
  | 'choose'
  | 'coordSystem'
  | 'codeField'
  | 'nameField'
  | 'regionField'
  | 'region'
  | 'encoding'
  | 'replace'
  | 'submit'
  | 'result'
  | 'fieldHint';

export const gridImportMessages: Messages<Key> = {
  zh: {
    title: '网格导入',
    intro:
      '上传网格平台导出的 GeoJSON、Shapefile（zip，含 .shp/.dbf/.prj）或 KML/KMZ。坐标须为经纬度（CGCS2000 或 WGS-84）；投影坐标系会被拒绝。',
    file: '文件',
    choose: '选择文件',
    coordSystem: '坐标系',
    codeField: '网格编码属性名',
    nameField: '网格名称属性名',
    regionField: '所属街道属性名',
    region: '统一所属街道（文件未给出时）',
    encoding: '.dbf 编码（无 .cpg 时，如 gbk）',
    replace: '停用文件中没有的网格',
    submit: '导入',
    result: '{format}：新建 {created}，更新 {updated}，未变 {unchanged}，停用 {deactivated}，重新归属工单 {orders}',
    fieldHint: '留空则按常用名称（code / 网格编码…）',
  },
  en: {
    title: 'Grid import',
    intro:
      'Upload a grid platform export: GeoJSON, a shapefile zip (.shp/.dbf/.prj) or KML/KMZ. Coordinates must be longitude/latitude (CGCS2000 or WGS-84); projected systems are refused.',
    file: 'File',
    choose: 'Choose file',
    coordSystem: 'Coordinate system',
    codeField: 'Grid code attribute',
    nameField: 'Grid name attribute',
    regionField: 'Region attribute',
    region: 'Region for all grids (when the file has none)',
    encoding: '.dbf encoding (without .cpg, e.g. gbk)',
    replace: 'End the grids the file leaves out',
    submit: 'Import',
    result:
      '{format}: created {created}, updated {updated}, unchanged {unchanged}, ended {deactivated}, orders reassigned {orders}',
    fieldHint: 'Empty: the usual names (code / 网格编码…)',
  },
};
