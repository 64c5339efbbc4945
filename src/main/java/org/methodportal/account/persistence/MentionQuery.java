package org.methodportal.account.persistence;

/**
 * Bound parameters of the mention search, escaped LIKE patterns: {@code text} against login and
 * lower-case display name, {@code pinyin} against the pinyin key ("zhangsan zs"); with
 * {@code prefix} the patterns are "text%" and initials are matched after the key's space.
 */
public record MentionQuery(boolean prefix, String text, String pinyin) {
}
