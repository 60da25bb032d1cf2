export { startWorkbenchServer, type WorkbenchServer, type WorkbenchServerOptions } from './startWorkbenchServer';
export { ACCOUNT_COOKIE, ACCOUNT_HEADER } from './actingUser';
export { THEME_COOKIE } from './pageRoutes';
