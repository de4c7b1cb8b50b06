package org.gridwatch.hotline;

/**
 * Where a hotline ticket stands: TO_LOCATE (received, no case yet: in the operators' queue), RECEIVED (a case
 * exists, not signed for), SIGNED (签收), RETURNED (退单 approved: back to the hotline), REPLIED (回单 sent),
 * VISITED (回访 recorded as satisfied or basically satisfied; a dissatisfied visit sends it back to SIGNED as 重办).
 */
public enum TicketStatus { TO_LOCATE, RECEIVED, SIGNED, RETURNED, REPLIED, VISITED }
