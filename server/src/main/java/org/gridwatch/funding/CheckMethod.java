package org.gridwatch.funding;

/** How a reviewer checked a self-report: the documents, phone calls to beneficiaries, a visit on site. */
public enum CheckMethod { DOCUMENTS, PHONE, SITE_VISIT }
