package org.methodportal.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.seed.demo}: load the demo data into an empty database (true in the embedded setup,
 * false in the postgres profile). {@code location}: where the seed files are.
 */
@ConfigurationProperties("portal.seed")
public record SeedProperties(@DefaultValue("false") boolean demo,
                             @DefaultValue("classpath:seeds/demo.yaml") String location) {
}
