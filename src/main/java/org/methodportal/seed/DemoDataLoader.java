package org.methodportal.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.Branch;
import org.methodportal.account.BranchForm;
import org.methodportal.account.Department;
import org.methodportal.account.DepartmentForm;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the demo organisation and accounts into an empty database, through the same services an
 * administrator uses (so they are validated and audited), in one transaction.
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

    DemoDataLoader(SeedProperties properties, ResourceLoader resources, OrganisationService organisation,
                   AccountService accounts, TransactionTemplate transaction, SystemAuthentication system) {
        this.properties = properties;
        this.resources = resources;
        this.organisation = organisation;
        this.accounts = accounts;
        this.transaction = transaction;
        this.system = system;
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
