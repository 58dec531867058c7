package dev.sleet.test;

import dev.sleet.Db;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link SleetTest}: resolves {@link Db}, {@link DataSource} and {@link TestBranch}
 * parameters of test, lifecycle and constructor methods to the branch of the running test (or class). The server
 * and each template live in the root context's store, so they are made once per run; a branch lives in the
 * store of the test (or class) it was made for, which drops it when that is done.
 */
public final class SleetExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SleetExtension.class);

    /** Creates the extension; JUnit does, through {@link SleetTest}. */
    public SleetExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Db.class || type == DataSource.class || type == TestBranch.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestBranch branch = branch(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Db.class) {
            return branch.db();
        }
        return type == DataSource.class ? branch.dataSource() : branch;
    }

    private static TestBranch branch(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        SleetTest config = annotation(testClass).orElseThrow(() -> new ParameterResolutionException(
                testClass.getName() + " asks for a Sleet database without @SleetTest"));
        ExtensionContext owner = context;
        if (config.branchPer() == BranchScope.CLASS) {
            while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
                owner = owner.getParent().get();
            }
        } else if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(testClass.getName() + ": each test method gets its own branch, so "
                    + "a @BeforeAll method or a constructor cannot have one; use @SleetTest(branchPer = "
                    + "BranchScope.CLASS) to share one branch in the class");
        }
        BranchServer server = server(context);
        BranchServer.Template template = BranchServer.templateOf(config, testClass);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Branch.class,
                key -> new Branch(server.branch(server.template(template))), Branch.class).branch;
    }

    /** The annotation on the class or, for a {@code @Nested} class, on an enclosing one. */
    private static Optional<SleetTest> annotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<SleetTest> found = AnnotationSupport.findAnnotation(c, SleetTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static BranchServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class,
                key -> new Server(BranchServer.start()), Server.class).server;
    }

    /** Closes the server with the root context, at the end of the run. */
    private static final class Server implements ExtensionContext.Store.CloseableResource {
        final BranchServer server;

        Server(BranchServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** Drops the branch with the context it was made for. */
    private static final class Branch implements ExtensionContext.Store.CloseableResource {
        final TestBranch branch;

        Branch(TestBranch branch) {
            this.branch = branch;
        }

        @Override
        public void close() {
            branch.close();
        }
    }
}
