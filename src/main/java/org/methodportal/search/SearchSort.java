package org.methodportal.search;

/** Order of search results: best match first, newest method first, or most branches using it first (推广采用). */
public enum SearchSort { RELEVANCE, NEWEST, MOST_ADOPTED }
