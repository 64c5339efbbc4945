package org.methodportal.account.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SignInThrottleMapper {

    Optional<SignInThrottleRow> findByKey(String throttleKey);

    List<SignInThrottleRow> findByKeys(@Param("keys") Collection<String> throttleKeys);

    /** A first failure; 0 when the key has a row already (another attempt inserted it meanwhile). */
    int insertIfAbsent(@Param("key") String throttleKey, @Param("at") Instant at);

    /**
     * Counts one more failure in one statement, so that concurrent failures are all counted; a count
     * whose last failure is before {@code forgetBefore} starts again at 1.
     */
    int countFailure(@Param("key") String throttleKey, @Param("at") Instant at,
                     @Param("forgetBefore") Instant forgetBefore);

    int updateNextAttempt(@Param("key") String throttleKey, @Param("nextAttemptAt") Instant nextAttemptAt);

    int delete(String throttleKey);

    /** Rows whose last failure is before {@code before}: forgotten anyway, kept from growing. */
    int deleteForgotten(@Param("before") Instant before);
}
