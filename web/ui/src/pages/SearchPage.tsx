import { useEffect, useMemo, useState } from 'react';
import { getJson } from '../api/client.js';
import type { Answer } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { AnswerCard } from '../components/AnswerCard.js';
import { CompareTableView } from '../components/CompareTableView.js';
import { ExportButtons } from '../components/ExportButtons.js';
import { PassageList } from '../components/PassageList.js';
import { ReferenceList } from '../components/ReferenceList.js';
import { SearchForm, type SearchParams } from '../components/SearchForm.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { SummaryList } from '../components/SummaryList.js';
import { UnderstandingLine } from '../components/UnderstandingLine.js';
import { navigate, withQuery, type Route } from '../router.js';
import { CitationIndex } from '../util/citations.js';
import { queryTerms } from '../util/highlight.js';

const EXAMPLES = ['哪些街道采用了1+3+X网格力量体系？', '酒泉路街道有哪些做法？', '比较兰州市和平城区的网格力量配备', '网格员有多少名？'];

function toggle(set: Set<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function SearchPage(props: { route: Route }) {
  const { query } = props.route;
  const params: SearchParams = useMemo(
    () => ({
      q: query.get('q') ?? '',
      mode: query.get('mode') ?? 'hybrid',
      region: query.get('region') ?? '',
      level: query.get('level') ?? '',
      doc: query.get('doc') ?? '',
    }),
    [query],
  );
  const key = params.q ? JSON.stringify(params) : null;
  const result = useApi(key, (signal) =>
    getJson<Answer>('/search', { q: params.q, mode: params.mode, region: params.region, level: params.level, doc: params.doc }, signal),
  );
  const answer = result.data;

  const [answerSel, setAnswerSel] = useState<Set<string>>(new Set());
  const [passageSel, setPassageSel] = useState<Set<string>>(new Set());
  const [withTable, setWithTable] = useState(true);
  useEffect(() => {
    setAnswerSel(new Set(answer?.answers.map((a) => a.id) ?? []));
    setPassageSel(new Set());
    setWithTable(true);
  }, [answer]);

  const index = useMemo(
    () =>
      new CitationIndex([
        ...(answer?.answerLine ? [answer.answerLine.citations] : []),
        ...(answer?.answers.map((a) => a.citations) ?? []),
        ...(answer?.table?.rows.flatMap((r) => r.cells.map((c) => c.citations)) ?? []),
        ...(answer?.summary.map((s) => s.citations) ?? []),
      ]),
    [answer],
  );
  const terms = useMemo(() => (answer ? queryTerms(answer.query, answer.understanding) : []), [answer]);

  const submit = (next: SearchParams) => navigate(withQuery('/', { ...next, mode: next.mode === 'hybrid' ? '' : next.mode }));
  const selectedCount = answerSel.size + passageSel.size + (answer?.table && withTable ? 1 : 0);
  const payload = () => {
    const answers = answer?.answers.filter((a) => answerSel.has(a.id)) ?? [];
    const names = new Set(answers.map((a) => a.name));
    return {
      query: answer?.query,
      ...(answer?.answerLine && answers.length === answer.answers.length ? { answerLine: answer.answerLine } : {}),
      answers,
      summary: answer?.summary.filter((s) => names.has(s.group)) ?? [],
      passages: answer?.passages.filter((p) => passageSel.has(p.passageId)) ?? [],
      ...(answer?.table && withTable ? { table: answer.table } : {}),
    };
  };

  return (
    <div className="page search-page">
      <SearchForm initial={params} onSubmit={submit} />
      {!params.q && (
        <div className="examples">
          <span className="muted">试试：</span>
          {EXAMPLES.map((q) => (
            <button key={q} type="button" className="link-button" onClick={() => submit({ ...params, q })}>
              {q}
            </button>
          ))}
        </div>
      )}
      {result.loading && <Loading text="正在检索…" />}
      {result.error && <ErrorBox error={result.error} prefix="检索失败：" />}
      {answer && !result.loading && (
        <>
          <UnderstandingLine answer={answer} />
          <div className="export-bar">
            <span>
              已选 {answerSel.size} 条答案、{passageSel.size} 个段落{answer.table && withTable ? '、对比表' : ''}
            </span>
            <ExportButtons
              formats={['md', 'docx', 'ris', 'bibtex']}
              title={answer.query}
              disabled={selectedCount === 0}
              payload={payload}
            />
          </div>
          <AnswerCard answer={answer} index={index} selected={answerSel} onToggle={(id) => setAnswerSel((s) => toggle(s, id))} />
          {answer.table && (
            <section className="card" aria-label="对比表">
              <h2>
                对比表
                <label className="inline-check">
                  <input type="checkbox" checked={withTable} onChange={() => setWithTable((v) => !v)} /> 导出时包含
                </label>
              </h2>
              <CompareTableView table={answer.table} index={index} />
            </section>
          )}
          <SummaryList summary={answer.summary} index={index} />
          <ReferenceList index={index} />
          <PassageList
            passages={answer.passages}
            terms={terms}
            selected={passageSel}
            onToggle={(id) => setPassageSel((s) => toggle(s, id))}
          />
        </>
      )}
    </div>
  );
}
