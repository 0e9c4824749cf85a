import { useId, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { quoteLine } from '../../../export/quoteText.js';
import type { Citation } from '../api/types.js';
import { currentAddress, docPath, navigate } from '../router.js';
import { placeLabel, sourceTitle, type CitationIndex } from '../util/citations.js';

const PREVIEW_CHARS = 180;

function preview(text: string): string {
  const line = quoteLine(text);
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line;
}

/**
 * One [n]: hovering or focusing it shows the cited text, the document's title and the page or
 * section; a click opens the document viewer at the span (with the way back to this page). On a
 * touch screen the first tap shows the preview and the preview's link opens the document.
 */
function CitationBadge(props: { citation: Citation; n: number }) {
  const { citation: c, n } = props;
  const [open, setOpen] = useState(false);
  const pointer = useRef<string>('mouse');
  const id = useId();
  const to = docPath(c.docId, c, currentAddress());
  const place = placeLabel(c);

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (pointer.current === 'touch' && !open) {
      setOpen(true);
      return;
    }
    navigate(to);
  };

  return (
    <span className="cite-wrap" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <a
        href={to}
        className="cite"
        aria-describedby={open ? id : undefined}
        onPointerDown={(event: PointerEvent) => (pointer.current = event.pointerType)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={onClick}
      >
        [{n}]
      </a>
      {open && (
        <span className="cite-preview" role="tooltip" id={id}>
          <span className="cite-source">
            {sourceTitle(c)}
            {place && <span className="cite-place"> · {place}</span>}
          </span>
          <span className="cite-quote">{preview(c.text)}</span>
          <a
            href={to}
            className="cite-open"
            onMouseDown={(event) => event.preventDefault()}
            onClick={(event) => {
              event.preventDefault();
              navigate(to);
            }}
          >
            查看原文 →
          </a>
        </span>
      )}
    </span>
  );
}

/** [1][2]: each badge previews its source and opens the document viewer at the cited span. */
export function CitationBadges(props: { citations: Citation[]; index: CitationIndex }) {
  if (props.citations.length === 0) return null;
  return (
    <span className="cites">
      {props.citations.map((c) => {
        const n = props.index.numberOf(c);
        return <CitationBadge key={`${n}`} citation={c} n={n} />;
      })}
    </span>
  );
}
