/**
 * The application menu: File ▸ Import…, Export briefing…, Open notebook…, Open
 * Recent (from the recent list), plus the standard roles for each platform.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenu, buildMenuTemplate } from '../../electron/main/menu.ts';
import type { MenuCommands } from '../../electron/main/menu.ts';

const commands = (): { [K in keyof MenuCommands]: ReturnType<typeof vi.fn> } => ({
  importFiles: vi.fn(),
  exportBriefing: vi.fn(),
  openNotebook: vi.fn(),
  openRecent: vi.fn(),
  clearRecent: vi.fn(),
  showNotebookFolder: vi.fn(),
});

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('application menu', () => {
  it('has the File commands, each calling its action', () => {
    const c = commands();
    const template = buildMenuTemplate({ platform: 'linux', recent: [], commands: c as unknown as MenuCommands });
    const file = submenu(byLabel(template, 'File'));
    click(byLabel(file, 'Import…'));
    click(byLabel(file, 'Export briefing…'));
    click(byLabel(file, 'Open notebook…'));
    expect(c.importFiles).toHaveBeenCalledTimes(1);
    expect(c.exportBriefing).toHaveBeenCalledTimes(1);
    expect(c.openNotebook).toHaveBeenCalledTimes(1);
    expect(byLabel(file, 'Open Recent')).toBeDefined();
  });

  it('lists recent notebooks under Open Recent, opening the chosen folder', () => {
    const c = commands();
    const recent = ['/home/ana/notes/shipping', '/home/ana/notes/copper'];
    const template = buildMenuTemplate({ platform: 'linux', recent, commands: c as unknown as MenuCommands });
    const items = submenu(byLabel(submenu(byLabel(template, 'File')), 'Open Recent'));
    expect(items.filter((i) => i.label?.includes('/home/ana')).map((i) => i.label)).toEqual(['shipping — /home/ana/notes/shipping', 'copper — /home/ana/notes/copper']);
    click(items[1]);
    expect(c.openRecent).toHaveBeenCalledWith('/home/ana/notes/copper');
    click(byLabel(items, 'Clear Menu'));
    expect(c.clearRecent).toHaveBeenCalledTimes(1);
  });

  it('shows a disabled placeholder when there are no recent notebooks', () => {
    const template = buildMenuTemplate({ platform: 'win32', recent: [], commands: commands() as unknown as MenuCommands });
    expect(submenu(byLabel(submenu(byLabel(template, 'File')), 'Open Recent'))).toEqual([{ label: 'No Recent Notebooks', enabled: false }]);
  });

  it('uses the standard roles: appMenu on macOS only, then edit, view, window and help', () => {
    const roles = (platform: NodeJS.Platform) => buildMenuTemplate({ platform, recent: [], commands: commands() as unknown as MenuCommands }).map((i) => i.role ?? i.label);
    expect(roles('darwin')).toEqual(['appMenu', 'File', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(roles('linux')).toEqual(['File', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
  });

  it('builds the menu from the template', () => {
    const fakeMenu = { buildFromTemplate: vi.fn((t: MenuItemConstructorOptions[]) => ({ template: t })) };
    const built = buildMenu(fakeMenu as never, { platform: 'linux', recent: [], commands: commands() as unknown as MenuCommands }) as unknown as { template: MenuItemConstructorOptions[] };
    expect(built.template.map((i) => i.role ?? i.label)).toContain('File');
  });
});
