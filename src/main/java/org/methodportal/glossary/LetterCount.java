package org.methodportal.glossary;

/** One entry of the glossary's index: a pinyin initial letter (A–Z, or # for others) and how many terms start with it. */
public record LetterCount(String letter, long terms) {
}
