/**
 * The application menu: the platform's standard roles (app menu on macOS, Edit,
 * View, Window, Help) plus a File menu with the notebook's own commands. The
 * template is built by a pure function so tests can read it without Electron.
 */
import { basename } from 'node:path';
import type { Menu, MenuItemConstructorOptions } from 'electron';

export interface MenuCommands {
  importFiles(): void;
  exportBriefing(): void;
  openNotebook(): void;
  openRecent(dir: string): void;
  clearRecent(): void;
  showNotebookFolder(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  recent: readonly string[];
  commands: MenuCommands;
}

export function buildMenuTemplate({ platform, recent, commands }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        // The folder name leads (it is what people recognise); the full path keeps two "notebook" folders apart.
        ...recent.map((dir): MenuItemConstructorOptions => ({ label: `${basename(dir)} — ${dir}`, click: () => commands.openRecent(dir) })),
        { type: 'separator' },
        { label: 'Clear Menu', click: () => commands.clearRecent() },
      ]
    : [{ label: 'No Recent Notebooks', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => commands.importFiles() },
      { label: 'Export briefing…', accelerator: 'CmdOrCtrl+E', click: () => commands.exportBriefing() },
      { type: 'separator' },
      { label: 'Open notebook…', accelerator: 'CmdOrCtrl+O', click: () => commands.openNotebook() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Show Notebook Folder', click: () => commands.showNotebookFolder() }] },
  ];
}

export function buildMenu(menu: Pick<typeof Menu, 'buildFromTemplate'>, options: MenuOptions): Menu {
  return menu.buildFromTemplate(buildMenuTemplate(options));
}
