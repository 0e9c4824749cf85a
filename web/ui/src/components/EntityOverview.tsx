import type { EntityDetail, EntityLink } from '../api/types.js';
import type { CitationIndex } from '../util/citations.js';
import { RELATION_LABEL } from '../util/labels.js';
import { AdopterGroups } from './AdopterGroups.js';
import { EntityList, type EntityListItem } from './EntityList.js';
import { MentionList } from './MentionList.js';
import { MetricTable } from './MetricTable.js';

const pick = (links: EntityLink[], relation: string, direction?: 'in' | 'out') =>
  links.filter((l) => l.relation === relation && (!direction || l.direction === direction));

function item(link: EntityLink, extra?: string): EntityListItem {
  const e = link.entity;
  return { id: e.id, name: e.name, type: e.type, level: e.level, extra, citations: link.evidence };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** The overview tab: sections chosen by the entity's type, every fact with its citations. */
export function EntityOverview(props: { detail: EntityDetail; index: CitationIndex }) {
  const { detail, index } = props;
  const { entity, links } = detail;
  const used = new Set<EntityLink>();
  const take = (list: EntityLink[]) => {
    list.forEach((l) => used.add(l));
    return list;
  };

  const sections = [];
  if (entity.type === 'mechanism') {
    take(pick(links, 'ADOPTS', 'in'));
    take(pick(links, 'SIMILAR_TO'));
    sections.push(<AdopterGroups key="adopters" groups={detail.adoptersByRegion ?? []} index={index} />);
    const similar = (detail.similar ?? []).map((s) => ({ id: s.id, name: s.name, type: 'mechanism', extra: str(s.props.definition), citations: s.citations }));
    sections.push(<EntityList key="similar" title="相似机制" items={similar} index={index} />);
  } else if (entity.type === 'metric') {
    sections.push(<EntityList key="owners" title="所属单位" items={take(pick(links, 'HAS_METRIC', 'in')).map((l) => item(l))} index={index} showType />);
  } else if (entity.type === 'person') {
    const led = take(pick(links, 'LEADS', 'out')).map((l) => item(l, str(l.props.role)));
    sections.push(<EntityList key="leads" title="任职单位" items={led} index={index} showType />);
  } else {
    const mechanisms = take(pick(links, 'ADOPTS', 'out')).map((l) => item(l, str(l.entity.props.definition)));
    sections.push(<EntityList key="mechanisms" title="采用的机制" items={mechanisms} index={index} />);
    sections.push(<MetricTable key="metrics" links={take(pick(links, 'HAS_METRIC', 'out'))} index={index} />);
    const people = take(pick(links, 'LEADS', 'in')).map((l) => item(l, str(l.props.role) ?? str(l.entity.props.role)));
    sections.push(<EntityList key="people" title="负责人" items={people} index={index} />);
    const members = take([...pick(links, 'LOCATED_IN', 'in'), ...pick(links, 'PART_OF', 'in')]).map((l) => item(l));
    sections.push(<EntityList key="members" title="下辖地区与组织" items={members} index={index} showType />);
    const parents = take([...pick(links, 'LOCATED_IN', 'out'), ...pick(links, 'PART_OF', 'out')]).map((l) => item(l));
    sections.push(<EntityList key="parents" title="所属" items={parents} index={index} showType />);
  }
  const rest = links
    .filter((l) => !used.has(l))
    .map((l) => item(l, `${l.direction === 'in' ? '被' : ''}${RELATION_LABEL[l.relation] ?? l.relation}`));
  sections.push(<EntityList key="rest" title="其他关系" items={rest} index={index} showType />);
  sections.push(<MentionList key="mentions" mentions={detail.mentions} name={entity.name} index={index} />);
  return <div className="overview">{sections}</div>;
}
