// The menu link to the community workbench (社区工作台) that every staff page carries: its words in both languages.
// Loaded by those pages on its own, so that none of them needs the workbench's other texts.
import { addTexts, apply } from './i18n.js';

addTexts({ communityWorkbench: '社区工作台' }, { communityWorkbench: 'Community workbench' });
apply();
