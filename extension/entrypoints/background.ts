import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/background/main.ts';

export default defineBackground(() => startBackground());
