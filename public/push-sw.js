// Web push handlers, loaded into the Workbox service worker (vite.config.ts: workbox.importScripts).
// The payload is { title, body, url, tag } (server/src/push/sender.ts). A tap opens the screen it is about:
// an open Merit window is focused and navigated there, otherwise a new one opens; the app shell is precached,
// so this works offline too.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const url = typeof data.url === 'string' && data.url.startsWith('/') ? data.url : '/notifications';
  event.waitUntil(
    self.registration.showNotification(data.title || 'Merit', {
      body: data.body || '',
      tag: data.tag || undefined,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = event.notification.data?.url || '/';
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((c) => new URL(c.url).origin === self.location.origin);
      if (open) {
        // Navigate first: it needs no user gesture. A window this worker does not control cannot be navigated,
        // and then the screen opens in a new window instead.
        const moved =
          open.url === target ||
          (await open.navigate(target).then(
            () => true,
            () => false,
          ));
        await open.focus().catch(() => undefined);
        if (moved) return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});
