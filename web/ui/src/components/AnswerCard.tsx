import type { Answer } from '../api/types.js';
import { entityPath } from '../router.js';
import type { CitationIndex } from '../util/citations.js';
import { AnswerLineText } from './AnswerLineText.js';
import { CitationBadges } from './CitationBadges.js';
import { Link } from './Link.js';
import { TypeTag } from './TypeTag.js';

/**
 * The answer: one cited sentence, then one line per answer with its numbered citations and an
 * export checkbox. "No answer" shows only when there is neither an answer nor a table.
 */
export function AnswerCard(props: {
  answer: Answer;
  index: CitationIndex;
  selected: Set<string>;
  onToggle: (id: string) => void;
}) {
  const { answers, note, answerLine, table } = props.answer;
  const hasTable = table?.rows.some((r) => r.cells.some((c) => c.values.length > 0)) ?? false;
  const nothing = answers.length === 0 && !hasTable;
  // The no-answer sentence points to the passages below; without passages it must not promise them.
  const promisesPassages = (text: string) => /段落|原文/.test(text);
  const noAnswer = [answerLine?.text, note].find((t): t is string => !!t && (props.answer.passages.length > 0 || !promisesPassages(t)));
  const noAnswerText = noAnswer ?? (props.answer.passages.length > 0 ? '图谱中没有直接的答案，请看下面的相关段落。' : '没有找到与这个问题相关的内容。可以换个说法，或放宽地区、文档筛选后再试。');
  return (
    <section className="card answer-card" aria-label="答案">
      <h2>答案</h2>
      {answerLine && !nothing && <AnswerLineText line={answerLine} index={props.index} />}
      {nothing && (
        <p className="note" role="note">
          {noAnswerText}
        </p>
      )}
      <ul className="answers">
        {answers.map((item) => (
          <li key={item.id} className="answer">
            <input
              type="checkbox"
              aria-label={`导出 ${item.name}`}
              checked={props.selected.has(item.id)}
              onChange={() => props.onToggle(item.id)}
            />
            <div className="answer-body">
              <Link to={entityPath(item.id)} className="answer-name">
                {item.name}
              </Link>
              <TypeTag type={item.type} level={item.level} />
              {item.source === 'text' && <span className="muted"> 原文</span>}
              <CitationBadges citations={item.citations} index={props.index} />
              {item.detail && <div className="answer-detail">{item.detail}</div>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
