package org.methodportal.importexport.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.methodportal.adoption.AdoptionSummary;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Provenance;
import org.methodportal.review.Quality;
import org.methodportal.review.ReviewEntry;

/**
 * What a method document holds, as the reader may see it: the shown revision, where it came from
 * (merged sources), how it was reviewed (the averages of the round that published it, every round's
 * decisions) and where it is used.
 */
public record MethodDossier(MethodDetail method, Provenance provenance, Map<Quality, Double> averages,
                            List<ReviewEntry> reviews, AdoptionSummary adoption, Instant generatedAt,
                            String generatedBy) {

    public MethodDossier {
        averages = Map.copyOf(averages);
        reviews = List.copyOf(reviews);
    }
}
