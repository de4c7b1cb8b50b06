package org.gridwatch.volunteer;

/** A social worker's national certificate: 助理社会工作师, 社会工作师, 高级社会工作师. */
public enum CertificateLevel { ASSISTANT, INTERMEDIATE, SENIOR }
