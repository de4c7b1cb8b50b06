package org.gridwatch.organisation;

/** What an organisation is: 社会组织, 物业服务企业, 服务商, 律师事务所, 驻区单位. */
public enum OrganisationKind { SOCIAL_ORGANISATION, PROPERTY_COMPANY, SERVICE_PROVIDER, LAW_FIRM, RESIDENT_UNIT }
