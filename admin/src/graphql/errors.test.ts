import { describe, expect, it } from 'vitest';
import { formFieldOf } from './errors.ts';

describe('formFieldOf', () => {
  it.each([
    ['input.title', {}, 'title'],
    ['input.speaker', { speaker: 'speakerId' }, 'speakerId'],
    ['input.participants.0.actor', { actor: 'actorId' }, 'participants.0.actorId'],
    ['input.passage.exact', { passage: '' }, 'exact'],
    ['id', {}, null],
    ['input', {}, null],
  ] as const)('%s → %s', (apiField, fieldMap, expected) => {
    expect(formFieldOf(apiField, fieldMap)).toBe(expected);
  });
});
