package org.methodportal.glossary.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.glossary.LetterCount;

@Mapper
public interface GlossaryMapper {

    void insert(@Param("standard") String standard, @Param("definition") String definition,
                @Param("category") @Nullable String category, @Param("tags") String tags,
                @Param("searchKey") String searchKey, @Param("sortKey") String sortKey,
                @Param("initialLetter") String initialLetter, @Param("now") Instant now);

    Optional<Long> findIdByStandard(@Param("standard") String standard);

    Optional<TermRow> findById(@Param("id") long id);

    /**
     * Terms in pinyin order whose search key contains {@code pattern} (a LIKE pattern, lower case;
     * null for all) and whose index letter is {@code initialLetter} (null for all).
     */
    List<TermRow> find(@Param("pattern") @Nullable String pattern, @Param("initialLetter") @Nullable String initialLetter,
                       @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("pattern") @Nullable String pattern, @Param("initialLetter") @Nullable String initialLetter);

    /** The variants of these terms, each term's in its order. */
    List<VariantRow> findVariants(@Param("termIds") Collection<Long> termIds);

    /** Which of these texts are variants already, and of which term. */
    List<VariantRow> findVariantOwners(@Param("variants") Collection<String> variants);

    /** Which of these texts are standard terms already. */
    List<String> findStandards(@Param("standards") Collection<String> standards);

    /** Rewrites a term if it still has {@code version}; 0 rows when someone else changed or deleted it. */
    int update(@Param("id") long id, @Param("version") int version, @Param("standard") String standard,
               @Param("definition") String definition, @Param("category") @Nullable String category,
               @Param("tags") String tags, @Param("searchKey") String searchKey, @Param("sortKey") String sortKey,
               @Param("initialLetter") String initialLetter, @Param("now") Instant now);

    /** Deletes a term (and its variants) if it still has {@code version}. */
    int delete(@Param("id") long id, @Param("version") int version);

    void insertVariants(@Param("termId") long termId, @Param("variants") List<String> variants);

    void deleteVariants(@Param("termId") long termId);

    /** The index: how many terms start with each letter, in letter order. */
    List<LetterCount> countByInitial();

    void insertHistory(@Param("termId") long termId, @Param("action") String action,
                       @Param("standard") String standard, @Param("variants") String variants,
                       @Param("definition") String definition, @Param("changedBy") @Nullable String changedBy,
                       @Param("now") Instant now);

    /** The changes of one term, newest first. */
    List<HistoryRow> findHistory(@Param("termId") long termId);

    /** Marks a variant as kept in a method; false when it already was. */
    int insertKeptVariant(@Param("methodId") long methodId, @Param("variant") String variant,
                          @Param("keptBy") @Nullable String keptBy, @Param("now") Instant now);

    int deleteKeptVariant(@Param("methodId") long methodId, @Param("variant") String variant);

    /** The variants kept in a method, in the order they were kept. */
    List<String> findKeptVariants(@Param("methodId") long methodId);
}
