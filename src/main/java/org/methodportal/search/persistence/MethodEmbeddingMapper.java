package org.methodportal.search.persistence;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The stored embeddings of methods, one per method. */
@Mapper
public interface MethodEmbeddingMapper {

    /** The rows of those of these methods that have one. */
    List<EmbeddingRow> findByMethodIds(@Param("ids") Collection<Long> ids);

    /** Replaces the method's row; 0 when it has none yet. */
    int update(EmbeddingRow row);

    /** Inserts the row unless the method has one already (e.g. written meanwhile by another thread); 0 then. */
    int insertIfAbsent(EmbeddingRow row);

    long count();
}
