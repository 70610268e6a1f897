/**
 * What the pane's component tests need of jsdom that a browser has: ResizeObserver (Fluent UI asks
 * for it) and TextDecoder/TextEncoder (the reader and the pack loader use them). Imported first.
 */
import { TextDecoder, TextEncoder } from 'util';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
const g = globalThis as unknown as Record<string, unknown>;
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
