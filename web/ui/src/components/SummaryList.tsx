import { quoteLine } from '../../../export/quoteText.js';
import type { SummaryItem } from '../api/types.js';
import type { CitationIndex } from '../util/citations.js';
import { CitationBadges } from './CitationBadges.js';

/** The summary, one block per organization or region. */
export function SummaryList(props: { summary: SummaryItem[]; index: CitationIndex }) {
  if (props.summary.length === 0) return null;
  return (
    <section className="card" aria-label="按组织汇总">
      <h2>按组织汇总</h2>
      <dl className="summary">
        {props.summary.map((item, i) => (
          <div key={i} className="summary-item">
            <dt>{item.group}</dt>
            <dd>
              {quoteLine(item.text)}
              <CitationBadges citations={item.citations} index={props.index} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
