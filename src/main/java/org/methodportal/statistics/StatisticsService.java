package org.methodportal.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.methodportal.statistics.Statistics.Count;
import org.methodportal.statistics.Statistics.Detail;
import org.methodportal.statistics.Statistics.MonthCount;
import org.methodportal.statistics.Statistics.RatingCount;
import org.methodportal.statistics.Statistics.ReviewMonth;
import org.methodportal.statistics.Statistics.RubricRow;
import org.methodportal.statistics.Statistics.Scope;
import org.methodportal.statistics.Statistics.Summary;
import org.methodportal.statistics.persistence.MethodCount;
import org.methodportal.statistics.persistence.MonthValue;
import org.methodportal.statistics.persistence.MonthWaiting;
import org.methodportal.statistics.persistence.StatisticsMapper;
import org.methodportal.statistics.persistence.StatisticsQuery;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 统计. Every signed-in user gets the summary (published methods per category, the most adopted:
 * figures of public methods); reviewers get every figure of the departments they review, and
 * administrators of all. The rule is applied here, whatever the filter asks: a reviewer filtering on
 * a department they do not review gets that department's summary only.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class StatisticsService {

    /** How many methods the "most adopted" list shows. */
    public static final int MOST_ADOPTED = 10;

    private static final String PUBLISHED = "PUBLISHED";
    /** Categories and statuses by their code, as the SQL of the summary orders them. */
    private static final Comparator<Count> BY_CODE = Comparator.comparing(Count::code);
    /** Departments with the most methods first, then by name. */
    private static final Comparator<Count> MOST_FIRST = Comparator.comparingLong(Count::total).reversed()
            .thenComparing(Count::label).thenComparing(Count::code);

    private final StatisticsMapper statistics;
    private final CurrentUser currentUser;
    private final Clock clock;

    StatisticsService(StatisticsMapper statistics, CurrentUser currentUser, Clock clock) {
        this.statistics = statistics;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The figures of the filter that the caller may see. */
    public Statistics dashboard(StatisticsFilter filter) {
        PortalUser user = currentUser.require();
        YearMonth now = YearMonth.now(clock.withZone(zone()));
        @Nullable YearMonth first = filter.firstMonth(now);
        YearMonth last = filter.lastMonth(now);
        Instant from = first == null ? null : first.atDay(1).atStartOfDay(zone()).toInstant();
        // Up to the current month means up to now: no bound, so that an all-time or a preset period
        // does not make the engine walk a created_at index across (nearly) every row.
        Instant to = last.isBefore(now) ? last.plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant() : null;
        String category = filter.category() == null ? null : filter.category().name();
        List<Long> asked = filter.departmentId() == null ? null : List.of(filter.departmentId());

        var publicQuery = new StatisticsQuery(asked, category, from, to);
        Scope scope = scope(user, filter.departmentId());
        Detail detail = null;
        List<Count> published;
        if (scope == Scope.SUMMARY) {
            published = statistics.countPublishedByCategory(publicQuery);
        } else {
            Collection<Long> departments = scope == Scope.ALL || asked != null ? asked : user.reviewerDepartmentIds();
            var query = new StatisticsQuery(departments, category, from, to);
            List<MethodCount> methods = statistics.countMethods(query);
            detail = detail(query, methods, first, last);
            // the summary is of the same methods unless a reviewer's detail is narrowed to their departments
            published = query.equals(publicQuery)
                    ? sum(methods.stream().filter(m -> PUBLISHED.equals(m.status())).toList(), MethodCount::category,
                            MethodCount::category, BY_CODE)
                    : statistics.countPublishedByCategory(publicQuery);
        }
        var summary = new Summary(published.stream().mapToLong(Count::total).sum(), published,
                statistics.findMostAdopted(publicQuery, MOST_ADOPTED));
        YearMonth firstMonth = first != null ? first : earliest(detail, last);
        return new Statistics(filter, scope, firstMonth, last, summary, detail);
    }

    /** Whether the caller sees every figure for this department (null: for all they may see), not only the summary. */
    public boolean seesDetail(@Nullable Long departmentId) {
        return scope(currentUser.require(), departmentId) != Scope.SUMMARY;
    }

    private static Scope scope(PortalUser user, @Nullable Long departmentId) {
        if (user.hasRole(Role.ADMIN)) {
            return Scope.ALL;
        }
        Set<Long> reviewed = user.hasRole(Role.REVIEWER) ? user.reviewerDepartmentIds() : Set.of();
        if (reviewed.isEmpty() || departmentId != null && !reviewed.contains(departmentId)) {
            return Scope.SUMMARY;
        }
        return Scope.REVIEWED_DEPARTMENTS;
    }

    private Detail detail(StatisticsQuery q, List<MethodCount> methods, @Nullable YearMonth first, YearMonth last) {
        List<Count> byCategory = sum(methods, MethodCount::category, MethodCount::category, BY_CODE);
        Map<Integer, Long> created = byMonth(statistics.countCreatedPerMonth(q));
        Map<Integer, Long> published = byMonth(statistics.countFirstPublishedPerMonth(q));
        List<MonthValue> decisions = statistics.countReviewsPerMonth(q);
        List<MonthWaiting> waiting = statistics.findReviewWaiting(q);
        YearMonth start = first != null ? first : earliestMonth(Stream.of(created.keySet(), published.keySet(),
                decisions.stream().map(MonthValue::yearMonth).toList()).flatMap(Collection::stream).toList(), last);

        List<MonthCount> months = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(last); m = m.plusMonths(1)) {
            int key = key(m);
            months.add(new MonthCount(m, created.getOrDefault(key, 0L), published.getOrDefault(key, 0L)));
        }
        List<ReviewMonth> reviews = reviewMonths(decisions, waiting, start, last);
        List<RubricRow> rubric = statistics.rubricByCategory(q).stream().map(StatisticsService::rounded).toList();
        List<RatingCount> ratings = statistics.countRatings(q);
        long reports = ratings.stream().mapToLong(RatingCount::reports).sum();
        Double averageRating = reports == 0 ? null
                : round2(ratings.stream().mapToDouble(r -> (double) r.rating() * r.reports()).sum() / reports);
        return new Detail(byCategory.stream().mapToLong(Count::total).sum(), byCategory,
                sum(methods, m -> String.valueOf(m.departmentId()), MethodCount::departmentName, MOST_FIRST),
                sum(methods, MethodCount::status, MethodCount::status, BY_CODE), months, reviews, rubric,
                statistics.adoptionByDepartment(q), ratings, averageRating);
    }

    /** The counts summed per code (with its label), in the given order. */
    private static List<Count> sum(List<MethodCount> methods, Function<MethodCount, String> code,
                                   Function<MethodCount, String> label, Comparator<Count> order) {
        Map<String, Count> sums = new HashMap<>();
        for (MethodCount m : methods) {
            sums.merge(code.apply(m), new Count(code.apply(m), label.apply(m), m.total()),
                    (a, b) -> new Count(a.code(), a.label(), a.total() + b.total()));
        }
        return sums.values().stream().sorted(order).toList();
    }

    private static List<ReviewMonth> reviewMonths(List<MonthValue> decisions, List<MonthWaiting> waiting,
                                                  YearMonth start, YearMonth last) {
        Map<Integer, Map<String, Long>> perDecision = new HashMap<>();
        decisions.forEach(v -> perDecision.computeIfAbsent(v.yearMonth(), k -> new HashMap<>()).put(v.bucket(), v.total()));
        Map<Integer, MonthWaiting> waits = new HashMap<>();
        waiting.forEach(w -> waits.put(w.yearMonth(), w));
        List<ReviewMonth> months = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(last); m = m.plusMonths(1)) {
            Map<String, Long> counts = perDecision.getOrDefault(key(m), Map.of());
            long approved = counts.getOrDefault("APPROVE", 0L);
            long changes = counts.getOrDefault("REQUEST_CHANGES", 0L);
            long rejected = counts.getOrDefault("REJECT", 0L);
            MonthWaiting wait = waits.get(key(m));
            months.add(new ReviewMonth(m, approved + changes + rejected, approved, changes, rejected,
                    wait == null ? null : days(wait.medianHours()), wait == null ? null : days(wait.p90Hours())));
        }
        return months;
    }

    /** Hours as days with one decimal; a negative wait (clock skew) counts as none. */
    private static double days(long hours) {
        return Math.round(Math.max(0, hours) / 2.4) / 10.0;
    }

    private static RubricRow rounded(RubricRow r) {
        return new RubricRow(r.category(), r.reviews(), round2(r.regularity()), round2(r.pertinence()),
                round2(r.operability()), round2(r.adaptability()), round2(r.exemplarity()), round2(r.creativity()));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Map<Integer, Long> byMonth(List<MonthValue> values) {
        Map<Integer, Long> map = new HashMap<>();
        values.forEach(v -> map.merge(v.yearMonth(), v.total(), Long::sum));
        return map;
    }

    private static YearMonth earliest(@Nullable Detail detail, YearMonth last) {
        return detail == null || detail.months().isEmpty() ? last : detail.months().getFirst().month();
    }

    private static YearMonth earliestMonth(List<Integer> months, YearMonth last) {
        return months.stream().min(Integer::compare).map(m -> YearMonth.of(m / 100, m % 100))
                .filter(m -> m.isBefore(last)).orElse(last);
    }

    private static int key(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    /** Months are counted in the zone the database session uses: the JVM's (both engines take it from there). */
    private static ZoneId zone() {
        return ZoneId.systemDefault();
    }
}
