// Functions Playwright runs inside the storefront page (serialised, so each is self-contained). They write
// performance.now() times (ms since the navigation started) into window.__aisleBench. "Painted" is the moment
// after the next frame: a requestAnimationFrame callback posts a message, which runs once that frame is drawn.

/** The marks one repetition leaves in the page. */
export interface PageMarks {
  launcherInDom?: number;
  launcherPainted?: number;
  /** Width × height of the launcher button when painted, in CSS pixels; 0 would mean present but not visible. */
  launcherArea?: number;
  openClick?: number;
  panelConnectedPainted?: number;
  sendClick?: number;
  acked?: number;
  replyInDom?: number;
  replyPainted?: number;
  replyCards?: number;
}

/** Before the page's own scripts: the first time <aisle-widget>'s shadow root holds the launcher button, and its paint. */
export function watchLauncher(): void {
  const marks: PageMarks = ((window as unknown as { __aisleBench: PageMarks }).__aisleBench = {});
  const afterPaint = (done: (t: number) => void) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
  const observer = new MutationObserver(() => {
    const button = document.querySelector('aisle-widget')?.shadowRoot?.querySelector('button');
    if (!button) return;
    observer.disconnect();
    marks.launcherInDom = performance.now();
    afterPaint((t) => {
      const box = button.getBoundingClientRect();
      marks.launcherArea = box.width * box.height;
      marks.launcherPainted = t;
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Before the launcher is pressed: the press's event time, then the first paint after the panel's connection state
 * reads "Connected" (the panel module imported, its socket open and welcomed).
 */
export function watchOpen(): void {
  const marks = (window as unknown as { __aisleBench: PageMarks }).__aisleBench;
  const root = document.querySelector('aisle-widget')!.shadowRoot!;
  const afterPaint = (done: (t: number) => void) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
  root.addEventListener('click', (e) => { if ((e.target as Element).closest('button.launch')) marks.openClick ??= e.timeStamp; }, true);
  const observer = new MutationObserver(() => {
    if (root.querySelector('.state')?.textContent !== 'Connected') return;
    observer.disconnect();
    afterPaint((t) => (marks.panelConnectedPainted = t));
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
}

/**
 * Before Send is pressed: the press's event time; the shopper's bubble getting its seq (the ack); the first
 * reply node (.msg.aisle) added to the log, and the paint after it, with the product cards it holds.
 */
export function watchReply(): void {
  const marks = (window as unknown as { __aisleBench: PageMarks }).__aisleBench;
  const root = document.querySelector('aisle-widget')!.shadowRoot!;
  const log = root.querySelector('.log')!;
  const afterPaint = (done: (t: number) => void) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
  root.addEventListener('click', (e) => { if ((e.target as Element).closest('form button[type=submit]')) marks.sendClick ??= e.timeStamp; }, true);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const node = r.target as HTMLElement;
      if (r.type === 'attributes' && node.classList.contains('shopper') && marks.acked === undefined) marks.acked = performance.now();
      const reply = [...r.addedNodes].find((n): n is HTMLElement => n instanceof HTMLElement && n.matches('.msg.aisle'));
      if (!reply || marks.replyInDom !== undefined) continue;
      marks.replyInDom = performance.now();
      marks.replyCards = reply.querySelectorAll('.card').length;
      observer.disconnect();
      afterPaint((t) => (marks.replyPainted = t));
    }
  });
  observer.observe(log, { childList: true, attributes: true, attributeFilter: ['data-seq'], subtree: true });
}

/** Navigation and paint timings of the page, and when /aisle/widget.js finished downloading. */
export function pageTimings() {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const script = performance.getEntriesByType('resource').find((r) => r.name.includes('/aisle/widget.js')) as PerformanceResourceTiming | undefined;
  return {
    firstContentfulPaint: fcp?.startTime, domContentLoaded: nav?.domContentLoadedEventEnd, load: nav?.loadEventEnd,
    launcherScriptLoaded: script?.responseEnd, launcherScriptBytes: script?.encodedBodySize,
  };
}
