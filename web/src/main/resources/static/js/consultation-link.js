// The menu link to the consultation hall (议事厅, issue 16) that the other pages carry: its words in both languages.
// Loaded by those pages on its own, so that none of them needs the consultation page's other texts.
import { addTexts, apply } from './i18n.js';

addTexts({ consultationPage: '议事厅' }, { consultationPage: 'Consultation' });
apply();
