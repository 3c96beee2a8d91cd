/** Vite turns imported .css files into an emitted stylesheet; the import itself has no value. */
declare module '*.css';
