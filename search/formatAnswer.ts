import type { Answer, Citation } from './schema.js';

const INTENT_LABEL: Record<Answer['intent'], string> = {
  adopters: '采用该机制的组织',
  org_practices: '组织的做法',
  metric: '指标',
  person: '人物',
  region: '下辖地区',
  compare: '比较',
  passages: '相关段落',
};

const ANSWER_TYPE_LABEL: Record<NonNullable<Answer['answerType']>, string> = {
  place: '地方',
  organization: '组织',
  person: '人物',
  role: '职务',
  practice: '做法',
  parts: '做法的组成',
  number: '数字',
  region_chain: '上级地区',
  yes_no: '是否',
  compare: '比较',
  passages: '相关段落',
};

const flat = (text: string, max = 120) => {
  const t = text.replace(/\s+/g, '');
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

/** Human-readable answer with numbered citations ([1] file [start, end)). */
export function formatAnswer(answer: Answer): string {
  const refs: Citation[] = [];
  const ref = (c: Citation) => {
    let i = refs.findIndex((r) => r.docId === c.docId && r.start === c.start && r.end === c.end);
    if (i < 0) i = refs.push(c) - 1;
    return `[${i + 1}]`;
  };
  const lines = [`问：${answer.query}`, `类型：${answer.answerType ? ANSWER_TYPE_LABEL[answer.answerType] : INTENT_LABEL[answer.intent]}`];
  if (answer.answerLine) {
    // The line's own [n] refer to answerLine.citations: renumber them into this listing's references.
    const line = answer.answerLine;
    lines.push(`答：${line.text.replace(/\[(\d+)\]/g, (marker, n) => (line.citations[Number(n) - 1] ? ref(line.citations[Number(n) - 1]) : marker))}`);
  } else if (answer.note) lines.push(answer.note);
  for (const a of answer.answers) lines.push(`• ${a.name}${a.detail ? `（${a.detail}）` : ''}${a.source === 'text' ? ' 〔原文〕' : ''} ${a.citations.map(ref).join('')}`);
  if (answer.table) {
    lines.push(`| | ${answer.table.columns.join(' | ')} |`);
    for (const row of answer.table.rows) {
      const cell = (c: (typeof row.cells)[number]) =>
        c.items ? c.items.map((i) => `${i.value} ${i.citations.map(ref).join('')}`).join('；') || '—' : `${c.values.join('；') || '—'} ${c.citations.map(ref).join('')}`;
      lines.push(`| ${row.entity.name} | ${row.cells.map(cell).join(' | ')} |`);
    }
  }
  if (answer.summary.length) {
    lines.push('', '摘要：');
    for (const s of answer.summary) lines.push(`  ${s.group}：${flat(s.text)} ${s.citations.map(ref).join('')}`);
  }
  lines.push('', '段落：');
  answer.passages.slice(0, 5).forEach((p, i) => lines.push(`  ${i + 1}. ${p.breadcrumb.slice(1).join(' › ')}  ${flat(p.text, 90)} ${ref(p)}`));
  lines.push('', '引用：');
  refs.forEach((c, i) => lines.push(`  [${i + 1}] ${c.file} [${c.start}, ${c.end}) “${flat(c.text, 100)}”`));
  return lines.join('\n');
}
