package org.methodportal.search;

/** One value of a facet: the filter value, a label to show, and how many hits have it. */
public record FacetCount(String value, String label, long count) {
}
