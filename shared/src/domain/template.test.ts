import { describe, expect, it } from 'vitest';
import type { Section } from './review-template';
import { blankQuestion, questionsFor, templateProblem } from './template';

const sections: Section[] = [
  {
    id: 's1',
    kind: 'questions',
    title: 'Impact',
    questions: [
      { ...blankQuestion('q1', 'rating'), prompt: 'Rate', answeredBy: 'both' },
      { ...blankQuestion('q2', 'text'), prompt: 'What went well?', answeredBy: 'self' },
      { ...blankQuestion('q3', 'text'), prompt: 'Manager notes', answeredBy: 'manager' },
    ],
  },
  {
    id: 's2',
    kind: 'questions',
    title: 'Manager only',
    questions: [{ ...blankQuestion('q4', 'text'), prompt: 'x', answeredBy: 'manager' }],
  },
  { id: 's3', kind: 'goals', title: 'Goals' },
];

describe('questionsFor', () => {
  it('gives each side its questions and drops sections left empty', () => {
    const self = questionsFor(sections, 'self');
    expect(self.map((s) => s.id)).toEqual(['s1', 's3']);
    expect(self[0]?.kind === 'questions' && self[0].questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    const mgr = questionsFor(sections, 'manager');
    expect(mgr.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(mgr[0]?.kind === 'questions' && mgr[0].questions.map((q) => q.id)).toEqual(['q1', 'q3']);
  });
});

describe('templateProblem', () => {
  it('accepts a sound template', () => expect(templateProblem(sections)).toBeNull());
  it('names a repeated question id', () => {
    const bad: Section[] = [
      { id: 's', kind: 'questions', title: 't', questions: [blankQuestion('q', 'text'), blankQuestion('q', 'text')] },
    ];
    expect(templateProblem(bad)).toEqual({ field: 'sections.0.questions.1.id', message: 'sections.0.questions.1.id repeats the id "q"' });
  });
  it('names labels that do not match the scale', () => {
    const q = { ...blankQuestion('q', 'rating'), scale: { min: 1, max: 3, labels: ['a', 'b'] } };
    const bad: Section[] = [{ id: 's', kind: 'questions', title: 't', questions: [q] }];
    expect(templateProblem(bad)?.field).toBe('sections.0.questions.0.scale.labels');
  });
});
