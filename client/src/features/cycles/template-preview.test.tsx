import type { Section } from '@merit/shared/domain/review-template';
import { blankQuestion } from '@merit/shared/domain/template';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseDays } from './reminder-settings';
import { friendlyField } from './template-builder';
import { TemplatePreview } from './template-preview';

const sections: Section[] = [
  {
    id: 's1',
    kind: 'questions',
    title: 'Impact',
    questions: [
      { ...blankQuestion('q1', 'rating'), prompt: 'Overall impact' },
      { ...blankQuestion('q2', 'text'), prompt: 'Proudest moment', answeredBy: 'self' },
      { ...blankQuestion('q3', 'text'), prompt: 'Promotion readiness', answeredBy: 'manager' },
    ],
  },
  { id: 's2', kind: 'goals', title: 'Goals' },
];

describe('TemplatePreview', () => {
  it('shows the employee only the questions they answer, with the scale labels', () => {
    render(<TemplatePreview sections={sections} side="self" />);
    expect(screen.getByText('Overall impact')).toBeTruthy();
    expect(screen.getByText('Proudest moment')).toBeTruthy();
    expect(screen.queryByText('Promotion readiness')).toBeNull();
    expect(screen.getByText('Meets expectations')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Goals' })).toBeTruthy();
  });

  it('shows the manager theirs', () => {
    render(<TemplatePreview sections={sections} side="manager" />);
    expect(screen.getByText('Promotion readiness')).toBeTruthy();
    expect(screen.queryByText('Proudest moment')).toBeNull();
  });
});

describe('friendlyField', () => {
  it('turns a field path into words', () => {
    expect(friendlyField('sections.1.questions.0.prompt is required')).toBe('Section 2, question 1: prompt is required');
    expect(friendlyField('sections.0.title is required')).toBe('Section 1: title is required');
  });
});

describe('parseDays', () => {
  it('reads whole numbers separated by commas and refuses anything else', () => {
    expect(parseDays('3, 1')).toEqual([3, 1]);
    expect(parseDays('')).toEqual([]);
    expect(parseDays('3, x')).toBeNull();
    expect(parseDays('1.5')).toBeNull();
  });
});
