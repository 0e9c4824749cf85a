import { describe, expect, it } from 'vitest';
import { describeValidation, errorText } from './errorText.js';

describe('errorText: every message in Chinese, file names kept', () => {
  it.each([
    [{ code: 'BAD_REQUEST', message: 'q: Too big: expected string to have <=200 characters' }, '检索问题过长（最多 200 个字）'],
    [{ code: 'BAD_REQUEST', message: 'limit: Too big: expected number to be <=200; mode: Invalid option: expected one of "hybrid"|"keyword"' }, '数量过大（最大 200）；检索方式取值无效'],
    [{ code: 'BAD_REQUEST', message: 'ids: give 2 to 4 comma-separated entity ids' }, '对比对象请选择 2–4 个不同的组织或地区'],
    [{ code: 'FILE_UNSUPPORTED', message: 'setup.exe: Unsupported file type .exe' }, '不支持的文件类型（setup.exe）'],
    [{ code: 'FILE_EMPTY', message: '空白.txt: file is empty (0 bytes)' }, '文件为空（空白.txt）'],
    [{ message: '坏.pdf: not a valid PDF: missing %PDF- header' }, '文件已损坏或无法读取（坏.pdf）'],
    [{ code: 'FILE_TOO_COMPLEX', message: '大.docx: 解压后超过 32 MiB 的上限，已拒绝' }, '解压后超过 32 MiB 的上限，已拒绝（大.docx）'],
    [{ code: 'URL_TOO_LONG', status: 431, message: '请求地址或请求头过长，请缩短检索词后重试' }, '请求地址或请求头过长，请缩短检索词后重试'],
    [{ status: 431, message: 'HTTP 431' }, '检索词过长，请缩短后重试'],
    [{ status: 502, message: '<html>Bad Gateway</html>' }, '服务器暂时无法访问，请稍后再试'],
    [{ code: 'ENTITY_NOT_FOUND', message: 'region: no entity with id ent-0' }, '实体不存在（可能已随文档删除）'],
    [{ code: 'INTERNAL', message: 'Internal server error' }, '服务器内部错误，请稍后再试'],
  ])('%o → %s', (error, want) => {
    const text = errorText(error);
    expect(text).toBe(want);
  });

  it('leaves an unknown field alone rather than guessing', () => {
    expect(describeValidation('foo: Too big')).toBeNull();
  });
});
