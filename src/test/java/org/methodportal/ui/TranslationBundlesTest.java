package org.methodportal.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.Role;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;

/**
 * Both bundles have the same keys, every key the code names exists in both, and UI code shows no
 * hard-coded Chinese (docs/style.md §6). The sources are parsed with the JDK's compiler API, so
 * comments, ternaries and concatenations are told apart reliably.
 */
class TranslationBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /**
     * Deliberate Chinese in shell code: the product name as the page title until a view sets its
     * own, and each language named in itself on the language switch.
     */
    private static final Map<String, Set<String>> ALLOWED_CHINESE = Map.of(
            "AppShell.java", Set.of("支部工作法库"),
            "Languages.java", Set.of("中文"));

    private static Properties chinese;
    private static Properties english;
    private static List<CompilationUnitTree> sources;

    @BeforeAll
    static void load() throws IOException {
        chinese = bundle("translations.properties");
        english = bundle("translations_en.properties");
        sources = parse(SOURCES);
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(missingFrom(english, chinese.stringPropertyNames())).as("keys missing in English").isEmpty();
        assertThat(missingFrom(chinese, english.stringPropertyNames())).as("keys missing in Chinese").isEmpty();
    }

    @Test
    void everyKeyNamedInTheCodeExists() {
        Set<String> used = new TreeSet<>();
        sources.forEach(unit -> new KeyCollector(used).scan(unit, null));

        assertThat(used).as("keys found in the sources").contains("app.name", "error.account.stale");
        assertThat(missingFrom(chinese, used)).as("keys missing in Chinese").isEmpty();
        assertThat(missingFrom(english, used)).as("keys missing in English").isEmpty();
    }

    @Test
    void everyRoleHasItsKeys() {
        Set<String> keys = new TreeSet<>();
        for (Role role : Role.values()) {
            String lower = role.name().toLowerCase(Locale.ROOT);
            keys.addAll(List.of("role." + role.name(), "home.role." + lower + ".title", "home.role." + lower + ".text"));
        }

        assertThat(missingFrom(chinese, keys)).as("keys missing in Chinese").isEmpty();
        assertThat(missingFrom(english, keys)).as("keys missing in English").isEmpty();
    }

    @Test
    void everyMethodStatusAndCategoryHasItsKey() {
        Set<String> keys = new TreeSet<>();
        for (MethodStatus status : MethodStatus.values()) {
            keys.add("method.status." + status.name());
        }
        for (Category category : Category.values()) {
            keys.add("method.category." + category.name());
        }

        assertThat(missingFrom(chinese, keys)).as("keys missing in Chinese").isEmpty();
        assertThat(missingFrom(english, keys)).as("keys missing in English").isEmpty();
    }

    @Test
    void uiCodeHasNoHardCodedChinese() {
        List<String> found = new ArrayList<>();
        for (CompilationUnitTree unit : sources) {
            Path file = Path.of(unit.getSourceFile().toUri());
            // package-info.java only names the module for developers (Spring Modulith's docs).
            if (!inUiPackage(file) || file.endsWith("package-info.java")) {
                continue;
            }
            Set<String> allowed = ALLOWED_CHINESE.getOrDefault(file.getFileName().toString(), Set.of());
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitLiteral(LiteralTree node, Void unused) {
                    if (node.getValue() instanceof String s && HAN.matcher(s).find() && !allowed.contains(s)) {
                        found.add(file.getFileName() + ": \"" + s + "\"");
                    }
                    return null;
                }
            }.scan(unit, null);
        }

        assertThat(found).as("Chinese literals in UI code; use getTranslation with a bundle key").isEmpty();
    }

    /**
     * Keys the code names literally: {@code getTranslation("k")} (both branches of a ternary),
     * {@code @Menu(title = "k")} and {@code PortalException.invalid("code")} → {@code error.code}.
     * Keys built by concatenation are skipped here; the enum-based ones have their own test.
     */
    private static final class KeyCollector extends TreeScanner<Void, Void> {

        private final Set<String> keys;

        KeyCollector(Set<String> keys) {
            this.keys = keys;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            ExpressionTree method = node.getMethodSelect();
            if (!node.getArguments().isEmpty()) {
                ExpressionTree first = node.getArguments().getFirst();
                if (name(method).equals("getTranslation")) {
                    literals(first).forEach(keys::add);
                } else if (method instanceof MemberSelectTree select
                        && select.getExpression() instanceof IdentifierTree type
                        && type.getName().contentEquals("PortalException")) {
                    literals(first).forEach(code -> keys.add("error." + code));
                }
            }
            return super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitAnnotation(AnnotationTree node, Void unused) {
            if (name(node.getAnnotationType()).equals("Menu")) {
                for (ExpressionTree argument : node.getArguments()) {
                    if (argument instanceof AssignmentTree assignment
                            && name(assignment.getVariable()).equals("title")) {
                        literals(assignment.getExpression()).forEach(keys::add);
                    }
                }
            }
            return super.visitAnnotation(node, unused);
        }

        private static Stream<String> literals(ExpressionTree expression) {
            return switch (expression) {
                case LiteralTree literal when literal.getValue() instanceof String s -> Stream.of(s);
                case ConditionalExpressionTree conditional -> Stream.concat(
                        literals(conditional.getTrueExpression()), literals(conditional.getFalseExpression()));
                case ParenthesizedTree parenthesized -> literals(parenthesized.getExpression());
                default -> Stream.empty();
            };
        }

        private static String name(Tree tree) {
            return switch (tree) {
                case IdentifierTree identifier -> identifier.getName().toString();
                case MemberSelectTree select -> select.getIdentifier().toString();
                default -> "";
            };
        }
    }

    private static boolean inUiPackage(Path file) {
        Path relative = SOURCES.toAbsolutePath().relativize(file).getParent();
        return relative != null && StreamSupport.stream(relative.spliterator(), false)
                .anyMatch(part -> part.toString().equals("ui"));
    }

    private static Set<String> missingFrom(Properties bundle, Set<String> keys) {
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(bundle.stringPropertyNames());
        return missing;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Parses (without compiling) every Java file under {@code root}. */
    private static List<CompilationUnitTree> parse(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT, UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(null, fileManager, null, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            return StreamSupport.stream(task.parse().spliterator(), false).map(CompilationUnitTree.class::cast)
                    .toList();
        }
    }
}
