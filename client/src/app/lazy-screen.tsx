import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export interface LazyScreenDef<P extends object> {
  /** The component once its chunk has arrived, else undefined. */
  loaded(): ComponentType<P> | undefined;
  Lazy: LazyExoticComponent<ComponentType<P>>;
  preload(): Promise<ComponentType<P>>;
}

/**
 * A screen loaded on first use (so the first page load stays small) that renders synchronously once
 * loaded. `preload()` fetches it ahead of time: "Log a win" is then mounted inside the tap itself, so its
 * autofocus raises the phone's keyboard (iOS only does that within the gesture).
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreenDef<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (e: unknown) => {
        // Offline before the service worker cached it: the next attempt tries again.
        loading = undefined;
        throw e;
      },
    );
    return loading;
  };
  return { loaded: () => loaded, preload, Lazy: lazy(async () => ({ default: await preload() })) };
}

/** Renders a lazy screen: at once when its chunk is here, through Suspense the first time otherwise. */
export function LazyScreen<P extends object>({ screen, props }: { screen: LazyScreenDef<P>; props: P }) {
  const Loaded = screen.loaded();
  return Loaded ? <Loaded {...props} /> : <screen.Lazy {...props} />;
}
