export * from './healthScripts';
export * from './luaHealthResult';
