import { fileURLToPath } from 'node:url';
import { customUiViteConfig } from '../common/viteAppConfig';

export default customUiViteConfig(fileURLToPath(new URL('.', import.meta.url)));
