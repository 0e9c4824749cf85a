import type { QuestionAnalysis } from '../query/answerTypes.js';
import type { Answer, AnswerLine, Citation } from '../schema.js';

type Item = Answer['answers'][number];
type Table = NonNullable<Answer['table']>;

export const NO_ANSWER = '图谱中没有找到直接回答这个问题的事实；以下是最相关的原文段落。';
const MAX_NAMED = 8;
const LEVEL_WORD: Record<string, string> = { province: '省份', prefecture: '城市', county: '区县', township: '街道乡镇', community: '社区村' };

/** Numbers citations in order of first use; [n] refers to citations[n - 1]. */
class Markers {
  readonly citations: Citation[] = [];
  mark(citations: Citation[]): string {
    const c = citations[0];
    if (!c) return '';
    let i = this.citations.findIndex((r) => r.docId === c.docId && r.start === c.start && r.end === c.end);
    if (i < 0) i = this.citations.push(c) - 1;
    return `[${i + 1}]`;
  }
}

function list(items: Item[], markers: Markers, label: (item: Item) => string = (i) => i.name): string {
  const shown = items.slice(0, MAX_NAMED).map((i) => `${label(i)}${markers.mark(i.citations)}`);
  const more = items.length > MAX_NAMED ? `等${items.length}项` : '';
  return `${shown.join('、')}${more}`;
}

const subjectName = (a: QuestionAnalysis, types: string[]) => a.entities.filter((e) => types.includes(e.entity.type)).map((e) => e.entity.name).join('、');

function placeLine(a: QuestionAnalysis, answers: Item[], m: Markers): string {
  const practice = subjectName(a, ['mechanism']) || a.quoted.join('、');
  const person = subjectName(a, ['person']) || (a.answerType === 'place' && a.names.length && !a.entities.some((e) => e.entity.type === 'mechanism') ? a.names.join('、') : '');
  const level = a.constraints.level?.suffixes.join('') ?? (a.answerType === 'organization' ? '单位' : '地方');
  if (person) return `${person}任职于${list(answers, m)}。`;
  if (practice) return `采用${practice}的${level}有：${list(answers, m)}。`;
  const region = subjectName(a, ['region']);
  if (region && !a.topic.length) return `${region}下辖的${level || LEVEL_WORD[a.constraints.level?.level ?? ''] || '地方'}有：${list(answers, m)}。`;
  return `与“${a.topic.join('')}”有关的${level}有：${list(answers, m)}。`;
}

function numberLine(a: QuestionAnalysis, answers: Item[], m: Markers): string {
  const year = a.constraints.year ? `${a.constraints.year}年` : '';
  const parts = a.slots.map((slot, index) => {
    const own = answers.filter((i) => i.slot === index || (i.slot === undefined && index === 0));
    if (own.length === 0) return `${slot.text.replace(/[？?。]/g, '')}：未找到`;
    const who = slot.subjects.map((s) => s.entity.name).join('、');
    return `${who}${year}${list(own, m)}`;
  });
  return `${parts.join('；')}。`;
}

function compareLine(table: Table, m: Markers): string {
  const rows = table.rows.map((r) => {
    const first = r.cells.find((c) => c.citations.length)?.citations ?? [];
    return `${r.entity.name}${m.mark(first)}`;
  });
  return `${rows.join('与')}的${table.columns.join('、')}对比见下表。`;
}

/**
 * One sentence over the structured answers with inline [n] markers. "No answer" is said only
 * when there is neither an answer nor a table with a value.
 */
export function answerLine(a: QuestionAnalysis, answers: Item[], table: Table | undefined): AnswerLine {
  const m = new Markers();
  const hasTable = table?.rows.some((r) => r.cells.some((c) => c.values.length > 0)) ?? false;
  if (answers.length === 0 && !hasTable) {
    if (a.answerType === 'yes_no') {
      const line = `图谱和原文中没有${subjectName(a, ['region', 'organization'])}${subjectName(a, ['mechanism']) ? `采用${subjectName(a, ['mechanism'])}` : ''}的记录。`;
      return { text: line, citations: [] };
    }
    return { text: NO_ANSWER, citations: [] };
  }
  const fromText = answers.length > 0 && answers.every((i) => i.source === 'text') ? '据原文，' : '';
  let text: string;
  switch (a.answerType) {
    case 'compare':
      text = hasTable ? compareLine(table!, m) : `${list(answers, m)}。`;
      break;
    case 'place':
    case 'organization':
      text = placeLine(a, answers, m);
      break;
    case 'person':
      text = `${a.slots.map((s) => s.subjects.map((x) => x.entity.name).join('、')).join('、')}${a.role ?? '负责人'}是${list(answers, m)}。`;
      break;
    case 'role':
      text = `${subjectName(a, ['person']) || a.names.join('、')}担任${list(answers, m)}。`;
      break;
    case 'practice':
      text = `${subjectName(a, ['region', 'organization'])}的做法有：${list(answers, m, (i) => (i.group && i.group !== subjectName(a, ['region', 'organization']) ? `${i.name}（${i.group}）` : i.name))}。`;
      break;
    case 'number':
      text = numberLine(a, answers, m);
      break;
    case 'region_chain':
      text = a.constraints.level || a.slots[0]?.level
        ? `${subjectName(a, ['region', 'organization'])}属于${list(answers, m)}。`
        : `${subjectName(a, ['region', 'organization'])}位于${answers.map((i) => i.name).join('')}${m.mark(answers[answers.length - 1].citations)}。`;
      break;
    case 'parts': {
      const practice = subjectName(a, ['mechanism']) || a.quoted.join('、');
      text = answers.every((i) => i.type === 'definition') ? `${practice}即${list(answers, m)}。` : `${practice}包括：${list(answers, m)}。`;
      break;
    }
    case 'yes_no':
      text = answers[0].name === '否'
        ? `否。图谱和原文中没有${subjectName(a, ['region', 'organization'])}采用${subjectName(a, ['mechanism'])}的记录；采用它的地方见${m.mark(answers[0].citations)}。`
        : `是。${answers.map((i) => `${i.detail ?? ''}${m.mark(i.citations)}`).join('；')}。`;
      break;
    default:
      text = `${list(answers, m)}。`;
  }
  return { text: `${fromText}${text}`, citations: m.citations };
}
