import { cleanQuote } from '../../../export/quoteText.js';
import type { Passage } from '../api/types.js';
import { currentAddress, docPath } from '../router.js';
import { placeLabel, sourceTitle } from '../util/citations.js';
import { Highlighted } from './Highlighted.js';
import { Link } from './Link.js';

/**
 * A plain label instead of a fused score (a reciprocal-rank sum means nothing to a reader):
 * how close a passage scores to the best one of this search.
 */
export function relevanceLabel(score: number, best: number): '高' | '中' | '低' {
  const ratio = best > 0 ? score / best : 0;
  return ratio >= 0.95 ? '高' : ratio >= 0.85 ? '中' : '低';
}

/** Ranked passages, cleaned for reading, with the question's topic words highlighted; each can be selected for export. */
export function PassageList(props: {
  passages: Passage[];
  terms: string[];
  selected: Set<string>;
  onToggle: (id: string) => void;
}) {
  if (props.passages.length === 0) return null;
  const best = Math.max(...props.passages.map((p) => p.score));
  return (
    <section className="card" aria-label="相关段落">
      <h2>相关段落（{props.passages.length}）</h2>
      <ol className="passages">
        {props.passages.map((p, i) => {
          const level = relevanceLabel(p.score, best);
          const place = placeLabel(p) || p.breadcrumb.slice(1).join(' › ');
          return (
            <li key={p.passageId} className="passage">
              <div className="passage-head">
                <input
                  type="checkbox"
                  aria-label={`导出段落 ${i + 1}`}
                  checked={props.selected.has(p.passageId)}
                  onChange={() => props.onToggle(p.passageId)}
                />
                <span className="rank">{i + 1}</span>
                <span className="crumb">{place}</span>
                <span className={`relevance relevance-${level}`} title="与本次检索最相关段落相比的接近程度">
                  {level}相关
                </span>
              </div>
              <p className="passage-text">
                <Highlighted text={cleanQuote(p.text).text} terms={props.terms} />
              </p>
              <div className="passage-foot">
                <span className="muted doc-title">{sourceTitle(p)}</span>
                <Link to={docPath(p.docId, p, currentAddress())} className="open-doc">
                  查看原文 →
                </Link>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
