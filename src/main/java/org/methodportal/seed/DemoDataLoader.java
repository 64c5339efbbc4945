package org.methodportal.seed;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.Branch;
import org.methodportal.account.BranchForm;
import org.methodportal.account.Department;
import org.methodportal.account.DepartmentForm;
import org.methodportal.account.OrganisationService;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.NewAdoption;
import org.methodportal.adoption.NewAdoptionReport;
import org.methodportal.glossary.GlossaryImportReport;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.importexport.ImportExportService;
import org.methodportal.importexport.ImportProgress;
import org.methodportal.importexport.ImportReport;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the demo organisation and accounts into an empty database, through the same services an
 * administrator uses (so they are validated and audited), in one transaction; then the demo
 * methods: the published ones through the import, as the demo administrator, and the drafts
 * through the editor's service, as their demo secretaries.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final SeedProperties properties;
    private final ResourceLoader resources;
    private final OrganisationService organisation;
    private final AccountService accounts;
    private final TransactionTemplate transaction;
    private final SystemAuthentication system;
    private final UserDetailsService users;
    private final ImportExportService importExport;
    private final MethodService methods;
    private final ProposalService proposals;
    private final ReviewService reviews;
    private final GlossaryService glossary;
    private final AdoptionService adoptions;

    DemoDataLoader(SeedProperties properties, ResourceLoader resources, OrganisationService organisation,
                   AccountService accounts, TransactionTemplate transaction, SystemAuthentication system,
                   UserDetailsService users, ImportExportService importExport, MethodService methods,
                   ProposalService proposals, ReviewService reviews, GlossaryService glossary,
                   AdoptionService adoptions) {
        this.properties = properties;
        this.resources = resources;
        this.organisation = organisation;
        this.accounts = accounts;
        this.transaction = transaction;
        this.system = system;
        this.users = users;
        this.importExport = importExport;
        this.methods = methods;
        this.proposals = proposals;
        this.reviews = reviews;
        this.glossary = glossary;
        this.adoptions = adoptions;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demo()) {
            return;
        }
        if (accounts.anyAccountExists()) {
            log.info("database already has accounts: demo data not loaded");
            return;
        }
        DemoSeed seed = read();
        system.runAsSystem(() -> transaction.executeWithoutResult(status -> load(seed)));
        log.info("demo data loaded: {} departments, {} accounts", seed.departments().size(), seed.accounts().size());
        importGlossary(seed);
        importMethods(seed);
        seed.draftsOrEmpty().forEach(this::saveDraft);
        seed.changeRequestsOrEmpty().forEach(this::proposeChange);
        for (String externalId : seed.archivedOrEmpty()) {
            system.callAs(account(seed.methodsImportedBy()), () -> proposals.archive(seeded(externalId)));
        }
        seed.adoptionsOrEmpty().forEach(this::adopt);
        log.info("demo methods loaded: {} drafts, {} change requests, {} adoptions", seed.draftsOrEmpty().size(),
                seed.changeRequestsOrEmpty().size(), seed.adoptionsOrEmpty().size());
    }

    private void importGlossary(DemoSeed seed) throws IOException {
        if (seed.glossary() == null || seed.methodsImportedBy() == null) {
            return;
        }
        Resource file = resources.getResource(properties.location()).createRelative(seed.glossary());
        GlossaryImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = system.callAs(account(seed.methodsImportedBy()), () -> glossary.importLines(in));
        }
        log.info("demo glossary imported: {} terms", report.created());
    }

    private void importMethods(DemoSeed seed) throws IOException {
        if (seed.methods() == null || seed.methodsImportedBy() == null) {
            return;
        }
        Resource file = resources.getResource(properties.location()).createRelative(seed.methods());
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = system.callAs(account(seed.methodsImportedBy()), () -> importExport.importLines(in,
                    MethodStatus.PUBLISHED, seed.methods(), ImportProgress.NONE));
        }
        if (report.failed() > 0) {
            throw new IllegalStateException("seed methods " + seed.methods() + " have bad lines: " + report.errors());
        }
        log.info("demo methods imported: {}", report.created());
    }

    private void saveDraft(DemoSeed.SeedDraft draft) {
        long id = system.callAs(account(draft.owner()), () -> {
            List<DemoSeed.SeedRevision> revisions = draft.revisions();
            long created = methods.createDraft(content(revisions.getFirst()), null, null,
                    revisions.getFirst().changeNote()).id();
            for (int i = 1; i < revisions.size(); i++) {
                methods.saveRevision(created, content(revisions.get(i)), i, revisions.get(i).changeNote());
            }
            return created;
        });
        draft.workflowOrEmpty().forEach(step -> apply(id, draft.owner(), step));
    }

    private void proposeChange(DemoSeed.SeedChange change) {
        long target = seeded(change.target());
        long id = system.callAs(account(change.owner()), () -> proposals.proposeChange(target,
                content(change.revision()), change.revision().changeNote()).id());
        change.workflowOrEmpty().forEach(step -> apply(id, change.owner(), step));
    }

    private void adopt(DemoSeed.SeedAdoption adoption) {
        long method = seeded(adoption.target());
        system.callAs(account(adoption.by()), () -> {
            long id = adoptions.adopt(method, new NewAdoption(LocalDate.parse(adoption.startedOn()), adoption.plan()))
                    .id();
            adoption.reportsOrEmpty().forEach(r -> adoptions.report(id, new NewAdoptionReport(
                    AdoptionStatus.valueOf(r.status()), r.outcome(), r.rating(), r.participants())));
            return id;
        });
    }

    /** Takes a seeded proposal one workflow step further, as the person who would do it. */
    private void apply(long id, String owner, DemoSeed.SeedStep step) {
        String actor = step.by() == null ? owner : step.by();
        system.callAs(account(actor), () -> switch (step.action()) {
            case "submit" -> proposals.submit(id, methods.get(id).latestRevision()).status();
            case "withdraw" -> proposals.withdraw(id).status();
            case "approve", "request-changes", "reject" -> review(id, step);
            default -> throw new IllegalStateException("unknown seed workflow step " + step.action());
        });
    }

    private MethodStatus review(long id, DemoSeed.SeedStep step) {
        Decision decision = switch (step.action()) {
            case "approve" -> Decision.APPROVE;
            case "request-changes" -> Decision.REQUEST_CHANGES;
            default -> Decision.REJECT;
        };
        int score = step.score() == null ? 3 : step.score();
        var scores = new Scores(score, score, score, score, score, score);
        int revision = Objects.requireNonNull(methods.get(id).submittedRevision());
        return reviews.review(id, new ReviewRequest(revision, decision, scores, step.comment())).status();
    }

    private long seeded(String externalId) {
        return system.callAsSystem(() -> methods.idByExternalId(externalId))
                .orElseThrow(() -> new IllegalStateException("no seeded method " + externalId));
    }

    private PortalUser account(String login) {
        PortalUser user = (PortalUser) users.loadUserByUsername(login);
        // The portal writes the demo data in their name; no one signs in, so nothing is asked of them first.
        user.oblige(Set.of());
        return user;
    }

    private static MethodContent content(DemoSeed.SeedRevision r) {
        Category category = Category.fromName(r.category())
                .orElseThrow(() -> new IllegalStateException("seed draft " + r.title() + " has an unknown category"));
        return new MethodContent(r.title(), r.summary(), category, r.problem(), r.concept(), orEmpty(r.measures()),
                orEmpty(r.steps()), r.outcomes(), r.applicability(), orEmpty(r.tags()), r.body());
    }

    private static List<String> orEmpty(@Nullable List<String> list) {
        return list == null ? List.of() : list;
    }

    DemoSeed read() throws IOException {
        try (InputStream in = resources.getResource(properties.location()).getInputStream()) {
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, DemoSeed.class);
        }
    }

    private void load(DemoSeed seed) {
        Map<String, Long> branchIds = new HashMap<>();
        Map<String, Long> departmentIds = new HashMap<>();
        for (DemoSeed.SeedDepartment d : seed.departments()) {
            Department department = organisation.createDepartment(new DepartmentForm(d.name(), d.code()));
            departmentIds.put(d.name(), department.id());
            for (String branchName : d.branches()) {
                Branch branch = organisation.createBranch(new BranchForm(department.id(), branchName));
                branchIds.put(d.name() + "/" + branchName, branch.id());
            }
        }
        for (DemoSeed.SeedAccount a : seed.accounts()) {
            Long branchId = branchIds.get(a.department() + "/" + a.branch());
            if (branchId == null) {
                throw new IllegalStateException("seed account " + a.login() + " names an unknown branch " + a.branch());
            }
            Set<Role> roles = a.roles().stream().map(Role::valueOf).collect(Collectors.toSet());
            Set<Long> reviews = a.reviewsOrEmpty().stream().map(name -> {
                Long id = departmentIds.get(name);
                if (id == null) {
                    throw new IllegalStateException("seed account " + a.login() + " reviews an unknown department " + name);
                }
                return id;
            }).collect(Collectors.toSet());
            accounts.create(new AccountForm(a.login(), a.displayName(), branchId, roles, reviews), seed.password());
        }
    }
}
