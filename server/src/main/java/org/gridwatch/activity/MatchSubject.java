package org.gridwatch.activity;

/** What a matched volunteer takes: a service booking or a resident's case. */
enum MatchSubject { BOOKING, CASE }
