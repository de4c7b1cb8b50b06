// The menu link to the projects page (项目管理, issue 15) that the other pages carry: its words in both languages.
// Loaded by those pages on its own, so that none of them needs the projects page's other texts.
import { addTexts, apply } from './i18n.js';

addTexts({ projectsPage: '项目管理' }, { projectsPage: 'Projects' });
apply();
