/** Paragraph kinds and section paths inside each article (a stack of enclosing headings). */
import type { ArticlePlan } from './articles.js';
import { normalizeSpaces } from './block.js';
import type { HeadingInfo, Para, ParagraphKind, StructuredArticle, StructuredParagraph } from './types.js';

/**
 * Heading stack. A heading whose style is already open closes it (and everything below);
 * otherwise it closes deeper headings of the same family (numbered: 一、 > （一） > 1. > （1）;
 * markdown: by `#` count) and nests under the rest.
 */
export class SectionStack {
  private stack: HeadingInfo[] = [];

  open(h: HeadingInfo): string[] {
    const same = this.stack.findIndex((x) => x.style === h.style);
    if (same >= 0) this.stack.length = same;
    else
      while (this.stack.length) {
        const top = this.stack[this.stack.length - 1];
        if (top.family !== h.family || h.family === 'other' || top.rank < h.rank) break;
        this.stack.pop();
      }
    this.stack.push(h);
    return this.path();
  }

  path(): string[] {
    return this.stack.map((h) => h.text);
  }
}

const isHeadingRole = (r: Para['role']): boolean => r === 'md' || r === 'heading' || r === 'plain';

function paragraph(p: Para, kind: ParagraphKind, sectionPath: string[]): StructuredParagraph {
  return { ...p.block, kind, sectionPath };
}

export function buildArticles(paras: Para[], plans: ArticlePlan[]): StructuredArticle[] {
  return plans.map((plan, index) => {
    const end = index + 1 < plans.length ? plans[index + 1].first : paras.length;
    const stack = new SectionStack();
    const out: StructuredParagraph[] = [];
    let path: string[] = [];
    const headerEnd = Math.max(plan.titleIdx, plan.bylineIdx);
    for (let i = plan.first; i < end; i++) {
      const p = paras[i];
      if (i === plan.bylineIdx) out.push(paragraph(p, 'byline', []));
      else if (i <= headerEnd) out.push(paragraph(p, isHeadingRole(p.role) || p.role === 'title' ? 'title' : p.role === 'byline' ? 'byline' : 'body', []));
      else if (p.role === 'byline') out.push(paragraph(p, 'byline', path));
      else if ((isHeadingRole(p.role) || p.role === 'title') && p.heading && !demote(p, paras[i + 1], i + 1 < end)) {
        path = stack.open(p.heading);
        out.push(paragraph(p, 'heading', path));
      } else {
        if (p.lead) path = stack.open(p.lead);
        out.push(paragraph(p, 'body', path));
      }
    }
    const titlePara = plan.titleIdx >= 0 ? paras[plan.titleIdx] : undefined;
    return {
      index,
      title: normalizeSpaces(plan.title, 'title'),
      byline: plan.bylineIdx >= 0 ? paras[plan.bylineIdx].block.text : undefined,
      start: out.length ? out[0].start : (titlePara?.block.start ?? 0),
      end: out.length ? out[out.length - 1].end : (titlePara?.block.end ?? 0),
      paragraphs: out,
    };
  });
}

/** A bare title-like line not followed by body text in the same article is body (`在增强…战斗力`). */
function demote(p: Para, next: Para | undefined, nextInArticle: boolean): boolean {
  if (p.role !== 'plain') return false;
  return !nextInArticle || !next || next.role === 'plain' || next.role === 'md' || next.role === 'byline';
}
