/**
 * The IPC adapter: one handler per contract method, each refusing any sender but
 * the app's own main frame, validating arguments through dispatch, and passing
 * valid ones on to the service.
 */
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api/contract.ts';
import type { NotebookHandlers } from '../../shared/api/contract.ts';
import { ok } from '../../shared/result.ts';
import { registerIpc, trustedSenderCheck } from '../../electron/main/ipc.ts';
import { FakeWebContents, fakeIpcMain } from './fakes.ts';

/** A service whose every method records its argument and answers ok(method name). */
function recordingService() {
  const calls: [string, unknown][] = [];
  const service = Object.fromEntries(API_METHODS.map((m) => [m, vi.fn(async (args: unknown) => (calls.push([m, args]), ok(m)))])) as unknown as NotebookHandlers;
  return { service, calls };
}

const trustedEvent = (contents: FakeWebContents) => ({ sender: contents, senderFrame: { ...contents.mainFrame } });

describe('registerIpc', () => {
  it('registers exactly one handler per API method, on notebook:<method>', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, recordingService().service, () => true);
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `notebook:${m}`).sort());
    expect(ipc.handle).toHaveBeenCalledTimes(API_METHODS.length);
  });

  it('passes valid arguments to the service and returns its Result', async () => {
    const ipc = fakeIpcMain();
    const { service, calls } = recordingService();
    registerIpc(ipc as never, service, () => true);
    const args = { text: 'Diesel stocks at the port fell an estimated 8% in a week.', title: 'Diesel' };
    expect(await ipc.handlers.get('notebook:importText')!({}, args)).toEqual({ ok: true, value: 'importText' });
    expect(calls).toEqual([['importText', args]]);
  });

  it('tells the page which revision the call left the notebook at, when the service keeps one', async () => {
    const ipc = fakeIpcMain();
    const { service } = recordingService();
    registerIpc(ipc as never, Object.assign(service, { rev: 41 }), () => true);
    expect(await ipc.handlers.get('notebook:listTags')!({}, {})).toEqual({ ok: true, value: 'listTags', rev: 41 });
  });

  it('answers invalid arguments with invalid_argument and never calls the service', async () => {
    const ipc = fakeIpcMain();
    const { service, calls } = recordingService();
    registerIpc(ipc as never, service, () => true);
    for (const bad of [{ text: 7 }, { text: 'x', extra: true }, 'a string', null, [1, 2]]) {
      expect(await ipc.handlers.get('notebook:importText')!({}, bad)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    expect(calls).toEqual([]);
  });

  it('rejects a call from a sender that is not trusted, without calling the service', async () => {
    const ipc = fakeIpcMain();
    const { service, calls } = recordingService();
    registerIpc(ipc as never, service, () => false);
    await expect(ipc.handlers.get('notebook:listSources')!({}, {})).rejects.toThrow(/refused/);
    expect(calls).toEqual([]);
  });

  it('follows a switched service and can remove its handlers', async () => {
    const ipc = fakeIpcMain();
    const first = recordingService();
    const second = recordingService();
    let current = first.service;
    const dispose = registerIpc(
      ipc as never,
      () => current,
      () => true,
    );
    await ipc.handlers.get('notebook:listTags')!({}, {});
    current = second.service;
    await ipc.handlers.get('notebook:listTags')!({}, {});
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(1);
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('trustedSenderCheck', () => {
  const contents = new FakeWebContents();
  const check = trustedSenderCheck(() => contents as never);

  it("trusts the window's own main frame on an app:// page", () => {
    expect(check(trustedEvent(contents) as never)).toBe(true);
  });

  it('rejects an iframe, another frame, another webContents, a foreign page or a missing frame', () => {
    const main = contents.mainFrame;
    expect(check({ sender: contents, senderFrame: { ...main, parent: main } } as never)).toBe(false);
    expect(check({ sender: contents, senderFrame: { ...main, routingId: 99 } } as never)).toBe(false);
    expect(check({ sender: contents, senderFrame: { ...main, processId: 99 } } as never)).toBe(false);
    expect(check({ sender: new FakeWebContents(), senderFrame: main } as never)).toBe(false);
    expect(check({ sender: contents, senderFrame: { ...main, url: 'https://evil.example/' } } as never)).toBe(false);
    expect(check({ sender: contents, senderFrame: { ...main, url: 'file:///tmp/page.html' } } as never)).toBe(false);
    expect(check({ sender: contents, senderFrame: null } as never)).toBe(false);
  });

  it('rejects everything when there is no window', () => {
    expect(trustedSenderCheck(() => null)(trustedEvent(contents) as never)).toBe(false);
  });
});
