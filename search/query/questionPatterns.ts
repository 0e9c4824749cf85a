import type { PlaceFilter } from './answerTypes.js';

/**
 * The question shapes the analyser recognises, as data: each pattern names one cue (an answer type,
 * a constraint or a slot boundary), never one whole question.
 */

export const PLACE_WORDS: Record<string, PlaceFilter> = {
  街道: { level: 'township', suffixes: ['街道'] },
  乡镇: { level: 'township', suffixes: ['镇', '乡'] },
  镇: { level: 'township', suffixes: ['镇'] },
  乡: { level: 'township', suffixes: ['乡'] },
  社区: { level: 'community', suffixes: ['社区', '居委会'] },
  村: { level: 'community', suffixes: ['村'] },
  区县: { level: 'county', suffixes: ['区', '县', '旗'] },
  县: { level: 'county', suffixes: ['县', '旗'] },
  区: { level: 'county', suffixes: ['区'] },
  城市: { level: 'prefecture', suffixes: ['市', '州'] },
  市: { level: 'prefecture', suffixes: ['市'] },
  州: { level: 'prefecture', suffixes: ['州'] },
  省: { level: 'province', suffixes: ['省', '自治区'] },
};
const PLACE_ALTERNATION = '街道|乡镇|城市|镇|乡|社区|村|区县|县|区|市|州|省';

/** A place word after a question word: 哪些街道, 哪个镇, 有几个社区, 有没有街道; not 街道党委 or 区委. */
export const PLACE_QUESTION = new RegExp(`(?:哪些|哪个|哪几个|哪一个|哪家|几个|多少个|什么|有没有|是否有)(${PLACE_ALTERNATION})(?![委党长])`);
/** 哪些单位 / 哪些组织 / 哪家企业: organizations, not places. */
export const ORGANIZATION_QUESTION = /(?:哪些|哪个|哪一个|哪家|哪一家|哪几家|哪所|什么)[\u4e00-\u9fff]{0,4}?(?:单位|组织|企业|公司|机构|部门|高校|大学|学院|学校|医院|银行|协会|商会|联盟|合作社|基金会|律师事务所|律所)/;
/** The kind of body a question names and asks the name of: …联盟叫什么, …公司是哪家, 哪个单位. */
export const ORGANIZATION_KIND = /(单位|组织|企业|公司|机构|部门|高校|学校|医院|协会|商会|联盟|平台|中心)(?=叫什么|叫啥|名称|名字|是哪|是什么)/;
/** Asks the name of a body: 成立的联盟叫什么, 引入的公司是哪家. */
export const ORGANIZATION_NAMED = /(?:单位|组织|企业|公司|机构|协会|商会|联盟)(?:叫什么|叫啥|的?名称|的?名字|是哪家|是哪个|是哪一家)/;
/** Kinds that say nothing about the name (every body is a 单位): they do not narrow text answers. */
export const GENERIC_KINDS = new Set(['单位', '组织', '机构', '部门']);
/** 哪些地方 / 哪里 / 在哪些地方: places at any level. */
export const ANY_PLACE_QUESTION = /哪些地方|哪个地方|什么地方|哪里|哪儿|哪些地区|哪些单位和地方/;

export const COMPARE = /比较|对比|相比|异同|区别|有何不同|有什么不同/;
export const PERSON = /是谁|谁是|哪位|姓名|叫什么|谁在?(负责|主持|领导|主管|担任|当)/;
/** Asks a person's role: 担任什么职务, 是什么职位, 是做什么的. */
export const ROLE_ASKED = /(?:什么|哪个|何种?)(?:职务|职位|身份|角色|岗位)|担任(?:什么|何)|任什么职|什么书记|做什么的|职务是/;
/** Asks for the parents of a place: 属于哪个街道, 是哪个区的, 位于哪里. */
export const CHAIN_ASKED = new RegExp(`属于|隶属|归属|位于|在哪(?!些)|上级|(?:是|在)(?:哪个|哪一个|什么)(?:${PLACE_ALTERNATION})|哪个(?:${PLACE_ALTERNATION})(?:的|管)`);
/** A number is asked: 多少, 几个, 比例, 占比. */
export const NUMBER_ASKED = /多少|几(?:个|名|家|件|户|人|项|次|所|处|支|条|万|成)|比例|百分之|占比|是几|有多高|有多大|有多少/;
/** The question asks for a proportion, so only rates and percentages answer it. */
export const RATE_ASKED = /率|比例|百分之|占比|多高/;
export const UNIT_ASKED = /(?:多少|几)(户|人次|人|名|个|件|家|元|万元|亿元|平方米|公里|亩|场次|场|次|条|项|所|处|支)/;
/** Before → after: 由…调整为…, 从…减少到…, 变化. */
export const CHANGE_ASKED = /(?:由|从).{0,20}(?:调整|减少|增加|降|提高|提升|扩大|缩减|缩短|延长|压缩|增至|减至|增长|上升|变)|前后|变化|调整为|减少到|增加到|下降到|提高到|(?:怎么|怎样|如何)(?:调整|变化|变的|变了|增加|减少)|调整了多少/;
export const YES_NO = /有没有|是否|是不是|有无|吗[？?]?$/;
export const ADOPTERS_ASKED = /哪些|哪个|哪几|哪里|哪儿|什么地方|谁|有没有|是否有/;
export const PRACTICES_ASKED = /做了|做法|怎么|怎样|如何|探索|举措|经验|措施|创新|特色|渠道|办法|工作|亮点|招数|实践/;
/** Asks what a practice consists of: 包括哪些内容, 具体指什么, 是哪几个. */
export const PARTS_ASKED = /包括|包含|具体指|具体是|是指|指什么|指哪|是什么意思|指的是|有哪些内容|哪几个|哪几项|哪几方面|由哪些|分别是什么|分别指|内容是什么|是什么[？?]?$|含义|什么内容|是哪[一二三四五六七八九十两几\d]+[\u4e00-\u9fff]?|(?:怎么|如何|怎样)分|分为|分成|组成/;
/** Several subjects, one question each: A和B分别…, A、B各… */
export const EACH = /分别|各自|各是|各有|各为/;
/** Clause boundaries between number slots. */
export const SLOT_BOUNDARY = /[，,、；;]|以及|还有|并且|(?:和|与|及)(?=[^，,、；;]*(?:多少|几))/;

/** English cues, read on the question as typed (normalizeKey drops the spaces). */
export const ENGLISH = {
  practice: /\b(?:practices?|measures?|approach(?:es)?|experiences?|initiatives?|methods?)\b/i,
  person: /\bwho\b/i,
  number: /\bhow (?:many|much)\b|\b(?:rate|percentage|proportion)\b/i,
  place: /\bwhich (?:streets?|towns?|communit(?:y|ies)|villages?|districts?|counties|county|cities|city|places?)\b|\bwhere\b/i,
};

export const YEAR = /((?:19|20)\d{2})\s*年/;
export const PERIOD = /上半年|下半年|全年|今年以来|(?:试运行|运行|上线|开通|实施|开展|成立|启用)以来|去年|前三季度|第?[一二三四1-4]季度|\d{1,2}月(?:份)?(?:至|到|-|—)\d{1,2}月|近[一二三四五六七八九十两\d]+年/;

export const QUESTION_WORDS = new Set([
  '哪些', '哪个', '哪几个', '哪一个', '哪家', '哪里', '哪儿', '什么', '多少', '是', '的', '了', '在', '有', '上', '和', '与', '及', '谁', '怎么',
  '如何', '采用', '比较', '对比', '做', '都', '吗', '呢', '哪', '些', '情况', '方面', '分别', '各', '几个', '有多高', '多高', '是否', '有没有',
  '没有', '请问', '一下', '具体', '哪位', '是不是', '还', '呀', '啊', '吧', '多', '几', '个', '各自', '以及', '还有', '地方', '属于', '位于',
  '担任', '职务', '职位', '是谁', '叫', '当', '所', '为', '其', '该', '这个', '那个', '这些', '它', '他', '她', '们', '过', '着', '被', '把',
]);
/** Place words alone say nothing about the topic. */
export const PLACE_WORD_TOKEN = /^(街道|社区|乡镇|镇|乡|村|县|区|市|州|省|城市|区县)$/;
