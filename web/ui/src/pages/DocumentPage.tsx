import { useEffect, useMemo, useRef } from 'react';
import { getJson } from '../api/client.js';
import type { DocumentView } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { DocumentText } from '../components/DocumentText.js';
import { Link } from '../components/Link.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { pageAt, pageMap } from '../../../server/citations/pages.js';
import { safeReturnPath, type Route } from '../router.js';
import { placeLabel } from '../util/citations.js';
import { segmentDocument, spanFromQuery } from '../util/segments.js';

/** /doc/:id?start=&end= — the whole document, the cited span highlighted and scrolled into view. */
export function DocumentPage(props: { id: string; route: Route }) {
  const { data, error, loading } = useApi(`doc:${props.id}`, (signal) =>
    getJson<DocumentView>(`/documents/${encodeURIComponent(props.id)}`, {}, signal),
  );
  const span = useMemo(() => spanFromQuery(props.route.query), [props.route.query]);
  const markRef = useRef<HTMLElement>(null);

  const regions = useMemo(() => {
    if (!data) return null;
    const anchors = data.articles.map((a, i) => ({ at: a.start, id: `article-${i}` }));
    return segmentDocument(data.document.text, data.mentions, anchors, span);
  }, [data, span]);

  const back = safeReturnPath(props.route.query.get('from'));
  /** 第3页 · 一、基本做法: the page (PDFs, printed footers) and the section title of the cited span. */
  const place = useMemo(() => {
    if (!data || !span) return '';
    const pages = pageMap(data.document.text);
    const crumb = data.passages.find((p) => p.start <= span.start && span.start < p.end)?.breadcrumb ?? [];
    const sections = crumb.filter((c) => c && c !== data.document.title);
    return placeLabel({ page: pages ? pageAt(pages, span.start) : undefined, section: sections[sections.length - 1] });
  }, [data, span]);

  const scrollToCited = () => markRef.current?.scrollIntoView({ block: 'center' });
  useEffect(() => {
    if (regions?.cited) scrollToCited();
    else if (regions) window.scrollTo(0, 0);
  }, [regions]);

  if (loading) return <Loading text="正在打开文档…" />;
  if (error) return <ErrorBox error={error} prefix="无法打开文档：" />;
  if (!data || !regions) return null;
  const { document } = data;

  return (
    <div className="page doc-page">
      <header className="doc-head">
        <h1>{document.title || '未命名文档'}</h1>
        <div className="muted">
          {document.format.toUpperCase()} · {document.text.length.toLocaleString('zh-CN')} 字 · {data.articles.length} 篇
        </div>
      </header>
      {(span || back) && (
        <div className="cite-bar" role="region" aria-label="引用">
          {back && (
            <Link to={back} className="back-link">
              ← 返回结果
            </Link>
          )}
          {span && (
            <>
              <span className="cite-where">引用位置：{place || '见高亮处'}</span>
              <button type="button" onClick={scrollToCited}>
                定位到引用
              </button>
              <Link to={`/doc/${encodeURIComponent(document.id)}${back ? `?from=${encodeURIComponent(back)}` : ''}`}>取消高亮</Link>
            </>
          )}
        </div>
      )}
      <div className="doc-layout">
        {data.articles.length > 1 && (
          <nav className="toc" aria-label="目录">
            <div className="toc-title">目录</div>
            <ol>
              {data.articles.map((a, i) => (
                <li key={a.id}>
                  <span className="toc-n">{i + 1}</span>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => window.document.getElementById(`article-${i}`)?.scrollIntoView({ block: 'start' })}
                  >
                    {a.title || `第 ${i + 1} 篇`}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <article className="doc-body">
          <DocumentText ref={markRef} regions={regions} />
        </article>
      </div>
    </div>
  );
}
