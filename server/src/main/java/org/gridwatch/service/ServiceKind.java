package org.gridwatch.service;

/**
 * What is offered (the catalogue's services): 助餐, 上门探访, 家政, 配送, 法律咨询, 日间照料, 调解, 心理疏导, 医疗护理, 维修.
 * Codes go over the wire; pages word them.
 */
public enum ServiceKind {
  MEAL_ASSISTANCE, HOME_VISIT, HOUSEKEEPING, DELIVERY, LEGAL_ADVICE, ELDERLY_DAY_CARE, MEDIATION, COUNSELLING,
  HEALTH_CARE, REPAIR
}
