import { useEffect, useState } from 'react';

/** Copies `text` to the clipboard and says so for two seconds; says it plainly when the browser refuses. */
export function CopyButton({
  text,
  label = 'Copy link',
  className = 'btn btn-secondary btn-small',
}: {
  text: string;
  label?: string;
  className?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <button type="button" className={className} onClick={copy} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select and copy' : label}
    </button>
  );
}

/** A one-time link shown once, selectable, with a copy button. */
export function LinkBox({ url }: { url: string }) {
  return (
    <div className="link-box">
      <code className="link-box-url" data-testid="set-password-link">
        {url}
      </code>
      <CopyButton text={url} />
    </div>
  );
}
