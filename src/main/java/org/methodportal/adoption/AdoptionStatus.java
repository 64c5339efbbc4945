package org.methodportal.adoption;

/** How an adoption is going, as its branch reports it; STOPPED ends the adoption. */
public enum AdoptionStatus {
    /** 试行中 */
    TRIAL,
    /** 见效 */
    EFFECTIVE,
    /** 效果不明显 */
    UNCLEAR,
    /** 已停止 */
    STOPPED
}
