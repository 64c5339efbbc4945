package org.methodportal.promotion;

/** What a targeted branch decided: 采用 (it adopts the method) or 暂不采用 (with a reason). */
public enum PromotionDecision { ADOPT, DECLINE }
