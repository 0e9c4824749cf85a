import { describe, expect, it } from 'vitest';
import { displayPath } from './displayPath.js';

describe('displayPath', () => {
  it.each([
    ['corpus/001_report.txt', 'corpus/001_report.txt'],
    ['/srv/atlas/data/uploads/report.txt', 'report.txt'],
    ['/home/user/报告/某某街道经验.docx', '某某街道经验.docx'],
    ['C:\\data\\reports\\x.pdf', 'x.pdf'],
  ])('%s → %s', (input, shown) => {
    expect(displayPath(input)).toBe(shown);
  });
});
