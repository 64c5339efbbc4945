package org.methodportal.statistics.persistence;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.methodportal.statistics.Statistics;

/**
 * The dashboards' figures, each one grouped query. Methods are counted without change requests (a
 * change request is a proposal for an existing method, not a method); method figures filter by the
 * origin department, adoption figures by the adopting branch's department.
 */
@Mapper
public interface StatisticsMapper {

    /** Published methods created in the period, per category. */
    List<Statistics.Count> countPublishedByCategory(@Param("q") StatisticsQuery query);

    /** Methods created in the period, per category, status and origin department (with its name). */
    List<MethodCount> countMethods(@Param("q") StatisticsQuery query);

    /** Methods created per month of the period (key empty). */
    List<MonthValue> countCreatedPerMonth(@Param("q") StatisticsQuery query);

    /** Methods per month of their first publication, in the period (key empty). */
    List<MonthValue> countFirstPublishedPerMonth(@Param("q") StatisticsQuery query);

    /** Reviews (decisions) per month of the period and decision (key: APPROVE, REQUEST_CHANGES, REJECT). */
    List<MonthValue> countReviewsPerMonth(@Param("q") StatisticsQuery query);

    /**
     * Per month of decision, the median and 90th percentile of the whole hours waited since the
     * round's submission (kept on the review); reviews without one are left out.
     */
    List<MonthWaiting> findReviewWaiting(@Param("q") StatisticsQuery query);

    /** Average rubric scores of the reviews made in the period, per category of the reviewed method. */
    List<Statistics.RubricRow> rubricByCategory(@Param("q") StatisticsQuery query);

    /** Published methods used by at least one branch, the most adopted first (the period does not apply). */
    List<Statistics.AdoptedMethod> findMostAdopted(@Param("q") StatisticsQuery query, @Param("limit") int limit);

    /** Adoptions started in the period, per department of the adopting branch, the most first. */
    List<Statistics.DepartmentAdoption> adoptionByDepartment(@Param("q") StatisticsQuery query);

    /** Adoption reports of the period per rating (by the adopting branches' departments). */
    List<Statistics.RatingCount> countRatings(@Param("q") StatisticsQuery query);
}
