package org.methodportal.search;

/** Order of search results: best match first, or newest method first. */
public enum SearchSort { RELEVANCE, NEWEST }
