package org.gridwatch.need;

/** Where a need recorded by hand comes from: a survey, a council's topic (议题), a home or door-to-door visit, other. */
enum NeedSource { SURVEY, COUNCIL_TOPIC, VISIT, OTHER }
