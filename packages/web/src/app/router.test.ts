import { describe, expect, it } from 'vitest';
import { isModifiedClick, matchPath } from './router.js';

describe('matchPath', () => {
  it.each([
    ['/', '/', {}],
    ['/patients', '/patients/', {}],
    ['/patients/:id', '/patients/abc-123', { id: 'abc-123' }],
    ['/patients/:id/modifier', '/patients/a%20b/modifier', { id: 'a b' }],
  ])('%s matches %s', (pattern, pathname, params) => {
    expect(matchPath(pattern, pathname)).toEqual(params);
  });

  it.each([
    ['/patients/:id', '/patients'],
    ['/patients/:id', '/patients/1/modifier'],
    ['/patients/nouveau', '/patients/abc'],
    ['/patients/:id', '/patients/%E0%A4%A'],
  ])('%s does not match %s', (pattern, pathname) => {
    expect(matchPath(pattern, pathname)).toBeNull();
  });
});

describe('isModifiedClick', () => {
  const plain = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
  it('lets the router handle a plain left click', () => {
    expect(isModifiedClick(plain)).toBe(false);
  });
  it('leaves ctrl-click and middle click to the browser', () => {
    expect(isModifiedClick({ ...plain, ctrlKey: true })).toBe(true);
    expect(isModifiedClick({ ...plain, button: 1 })).toBe(true);
  });
});
