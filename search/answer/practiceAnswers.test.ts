import { describe, expect, it } from 'vitest';
import { topicWords } from '../query/analyzeQuestion.js';
import { practiceTopic } from './practiceAnswers.js';

describe('practiceTopic: the words that narrow a practice question', () => {
  it.each([
    // A question about the whole field asks for every practice of the place.
    // (the question without its place, as the analyser reads it)
    ['(宜昌)有哪些基层治理做法', []],
    ['(兰州市)在社会治理方面有哪些经验', []],
    ['(赣州)有什么城市基层治理的举措', []],
    // A topic within the field narrows it.
    ['(福利路街道)在物业服务上做了哪些探索', ['物业服务']],
    ['(旌阳区)在老旧小区治理上有什么做法', ['老旧小']],
    ['(青禾镇)在垃圾分类方面有什么做法', ['垃圾', '分类']],
  ])('%s', (question, expected) => {
    expect(practiceTopic(topicWords(question.replace(/^\(.*?\)/, '')))).toEqual(expected);
  });
});
