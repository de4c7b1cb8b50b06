// The map page's own texts (index.html), in both languages.
import { addTexts } from './i18n.js';

addTexts({ menu: '菜单' }, { menu: 'Menu' });
