/**
 * Small stand-ins for the Electron objects the main-process pieces configure: an
 * event emitter with Electron's preventDefault-style events, a webContents that
 * records its window-open handler, a session and an ipcMain that keep their handlers.
 */
import { vi } from 'vitest';

type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  /** Emits an event with a fresh preventable event object first; returns whether it was prevented. */
  emitPreventable(event: string, ...args: unknown[]): boolean {
    const e = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    for (const l of this.listeners.get(event) ?? []) l(e, ...args);
    return e.defaultPrevented;
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame = { url: 'app://notebook/index.html', parent: null, processId: 7, routingId: 1 };
  readonly send = vi.fn();
  readonly reload = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  isMinimized() {
    return this.minimized;
  }
}

type PermissionRequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void;
type BeforeRequest = { filter: { urls: string[] }; listener: (details: unknown, cb: (r: { cancel?: boolean }) => void) => void };

export class FakeSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: ((...args: unknown[]) => boolean) | null = null;
  beforeRequest: BeforeRequest | null = null;
  readonly events = new FakeEmitter();
  readonly webRequest = {
    onBeforeRequest: (filter: BeforeRequest['filter'], listener: BeforeRequest['listener']) => {
      this.beforeRequest = { filter, listener };
    },
  };
  setPermissionRequestHandler(h: PermissionRequestHandler) {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: (...args: unknown[]) => boolean) {
    this.checkHandler = h;
  }
  on(event: string, l: Listener) {
    this.events.on(event, l);
    return this;
  }
}

export function fakeSession(): FakeSession {
  return new FakeSession();
}

export function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle: vi.fn((channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, h);
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
}

/** A dialog whose message box answers with `response`. */
export function fakeDialog(response: number) {
  return { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response, checkboxChecked: false })) };
}
