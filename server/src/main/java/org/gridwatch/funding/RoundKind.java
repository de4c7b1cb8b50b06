package org.gridwatch.funding;

/** What a funding round buys: 社工示范项目, 公益创投项目, or a purchase of services (政府购买服务). */
public enum RoundKind { SOCIAL_WORK_DEMONSTRATION, VENTURE_PHILANTHROPY, SERVICE_PURCHASE }
