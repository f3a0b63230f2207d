import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { goBack, Link, matchPath, navigate, usePath } from './router';

function Where() {
  const path = usePath();
  return (
    <div>
      <p data-testid="path">{path}</p>
      <Link href="/wins">Wins</Link>
      <Link href="/me" target="_blank">
        Me elsewhere
      </Link>
    </div>
  );
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('matchPath', () => {
  it.each<[string, string, Record<string, string> | null]>([
    ['/', '/', {}],
    ['/wins', '/wins', {}],
    ['/wins', '/wins/', {}],
    ['/wins', '/wins/new', null],
    ['/people/:id', '/people/a%20b', { id: 'a b' }],
    ['/people/new', '/people/import', null],
  ])('%s against %s', (pattern, path, params) => expect(matchPath(pattern, path)).toEqual(params));
});

describe('router', () => {
  it('navigate() pushes a history entry and re-renders whoever reads the path', () => {
    render(<Where />);
    expect(screen.getByTestId('path').textContent).toBe('/');
    const before = window.history.length;
    act(() => navigate('/inbox'));
    expect(screen.getByTestId('path').textContent).toBe('/inbox');
    expect(window.history.length).toBe(before + 1);
    act(() => navigate('/me', { replace: true }));
    expect(window.history.length).toBe(before + 1);
    expect(window.location.pathname).toBe('/me');
  });

  it('a Link navigates in the app on a plain click, and leaves modified clicks and targets to the browser', () => {
    render(<Where />);
    const link = screen.getByRole('link', { name: 'Wins' });
    expect(link.getAttribute('href')).toBe('/wins');
    const plain = fireEvent.click(link);
    expect(plain).toBe(false);
    expect(screen.getByTestId('path').textContent).toBe('/wins');

    act(() => navigate('/'));
    // Record whether the Link left the click alone, then stop it here: jsdom cannot follow real navigations.
    const leftAlone: boolean[] = [];
    const spy = (e: MouseEvent) => {
      leftAlone.push(!e.defaultPrevented);
      e.preventDefault();
    };
    window.addEventListener('click', spy);
    fireEvent.click(link, { metaKey: true });
    fireEvent.click(screen.getByRole('link', { name: 'Me elsewhere' }));
    window.removeEventListener('click', spy);
    expect(leftAlone).toEqual([true, true]);
    expect(screen.getByTestId('path').textContent).toBe('/');
  });

  it('follows the back button (popstate)', () => {
    render(<Where />);
    act(() => navigate('/wins'));
    act(() => {
      window.history.replaceState(null, '', '/inbox');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByTestId('path').textContent).toBe('/inbox');
  });

  it('goBack() replaces with the fallback when the page was opened directly (no in-app history)', () => {
    window.history.replaceState(null, '', '/wins/new');
    render(<Where />);
    const before = window.history.length;
    act(() => goBack('/'));
    expect(screen.getByTestId('path').textContent).toBe('/');
    expect(window.history.length).toBe(before);
  });
});
