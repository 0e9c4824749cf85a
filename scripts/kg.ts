import { Command } from 'commander';
import { loadConfig } from '../graph/config.js';
import { describeEntity, resolveEntity, type EntityDescription } from '../graph/describeEntity.js';
import type { GraphStore } from '../graph/GraphStore.js';
import { ENTITY_TYPES, type EntityRecord, type EntityType } from '../graph/model.js';
import { openStore } from '../graph/openStore.js';
import { runMain } from './runMain.js';

const snippet = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
const label = (e: EntityRecord) => `${e.name}${e.level ? ` (${e.level})` : ''} [${e.type}]`;

function printDescription(d: EntityDescription): void {
  console.log(`${label(d.entity)}  id=${d.entity.id}`);
  if (d.entity.aliases.length) console.log(`  aliases: ${d.entity.aliases.join(', ')}`);
  if (Object.keys(d.entity.props).length) console.log(`  ${JSON.stringify(d.entity.props)}`);
  if (d.regionChain.length) console.log(`  region chain: ${[...d.regionChain, d.entity].map((e) => e.name).join(' › ')}`);
  const groups = new Map<string, typeof d.links>();
  for (const link of d.links) {
    const key = `${link.direction === 'out' ? '' : '← '}${link.relation}`;
    groups.set(key, [...(groups.get(key) ?? []), link]);
  }
  for (const [key, links] of groups) {
    console.log(`  ${key}:`);
    for (const link of links) {
      const role = link.props.role ? ` (${link.props.role})` : '';
      const ev = link.evidence[0];
      console.log(`    - ${label(link.entity)}${role}`);
      if (ev) console.log(`        “${snippet(ev.text)}” [${ev.docId} ${ev.start}–${ev.end}]`);
    }
  }
  if (d.mentions.length) {
    const ev = d.mentions[0];
    console.log(`  first mention: “${snippet(ev.text)}” [${ev.docId} ${ev.start}–${ev.end}]`);
  }
}

function descriptionJson(d: EntityDescription) {
  return {
    ...d.entity,
    regionChain: d.regionChain.map((e) => ({ id: e.id, name: e.name, level: e.level ?? null })),
    relations: d.links.map((l) => ({
      type: l.relation,
      direction: l.direction,
      other: { id: l.entity.id, type: l.entity.type, name: l.entity.name, level: l.entity.level ?? null },
      props: l.props,
      evidence: l.evidence,
    })),
    mentions: d.mentions,
  };
}

async function run(store: GraphStore, program: Command): Promise<number> {
  const [command, ...rest] = program.args;
  const { json, type, limit } = program.opts<{ json?: boolean; type?: string; limit: string }>();
  const out = (value: unknown) => console.log(JSON.stringify(value, null, 2));
  if (command === 'stats') {
    const stats = await store.stats();
    if (json) out(stats);
    else console.log(stats);
    return 0;
  }
  if (command === 'entities') {
    if (type && !ENTITY_TYPES.includes(type as EntityType)) {
      console.error(`--type: must be one of ${ENTITY_TYPES.join(', ')}`);
      return 2;
    }
    const entities = await store.findEntities({ type: type as EntityType | undefined, limit: Number(limit) });
    if (json) out({ entities });
    else for (const e of entities) console.log(`${label(e)}  ${e.aliases.length ? `aka ${e.aliases.join(', ')}  ` : ''}${e.id}`);
    return 0;
  }
  if (command === 'entity' && rest.length) {
    const matches = await resolveEntity(store, rest.join(' '));
    if (!matches.length) {
      console.error(`No entity named ${rest.join(' ')}`);
      return 1;
    }
    const descriptions = (await Promise.all(matches.map((m) => describeEntity(store, m.id)))).filter((d) => d !== null);
    if (json) out({ entities: descriptions.map(descriptionJson) });
    else descriptions.forEach(printDescription);
    return 0;
  }
  program.help({ error: true });
  return 2;
}

async function main(): Promise<number> {
  const program = new Command()
    .name('kg')
    .description('Inspect the knowledge graph')
    .usage('stats | entities [--type mechanism] | entity <name or id>  [--json]')
    .argument('<command>')
    .argument('[args...]')
    .option('--json', 'print one JSON document')
    .option('--type <type>', `entity type: ${ENTITY_TYPES.join(', ')}`)
    .option('--limit <n>', 'maximum entities listed', '500')
    .parse();
  const store = await openStore(loadConfig());
  try {
    return await run(store, program);
  } finally {
    await store.close();
  }
}

runMain(main);
