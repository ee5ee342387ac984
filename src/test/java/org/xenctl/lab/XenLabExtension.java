package org.xenctl.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.xenctl.testing.TestDriver;

/**
 * One Xen lab for each test JVM: booted by the first test that asks for it, in target/xen-lab-FORK (failsafe's fork
 * number: -Pxen-lab runs two JVMs, each with its own dom0), stopped (by QEMU's PID) when the JVM exits, whatever
 * happened. With XENCTL_LAB_RUN_DIR set, the tests use the lab already running there (started by src/it/xen/lab up)
 * and leave it running. A failing test gets the dom0's logs copied to target/xen-lab-FORK/failed/CLASS.METHOD/, and
 * its failure message says so.
 */
final class XenLabExtension implements ParameterResolver, TestExecutionExceptionHandler, BeforeAllCallback,
        AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final MachineTurns TURNS = new MachineTurns(TestDriver.repositoryFile("target"));
    private static final String TURN = "machine-turn";

    private static final Path RUN_DIR =
            TestDriver.repositoryFile(System.getProperty("xenctl.lab.dir", "target/xen-lab-1"));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == XenLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lab(context);
    }

    private static XenLab lab(ExtensionContext context) {
        return running().lab();
    }

    /**
     * The JVM's lab, booted (or attached) once. Not kept in JUnit's root store: with two forks failsafe runs each
     * test class as a JUnit run of its own, whose store closes with the class, and every class would boot a dom0.
     */
    private static Running running;

    private static synchronized Running running() {
        if (running == null) {
            running = start();
            if (running.booted) {
                Runtime.getRuntime().addShutdownHook(new Thread(running::close, "xen-lab-down"));
            }
        }
        return running;
    }

    private static synchronized Running started() {
        return running;
    }

    /** A lab that did not come up is remembered too: every other test fails at once with the same reason. */
    private static Running start() {
        String attached = System.getenv("XENCTL_LAB_RUN_DIR");
        try {
            return attached != null
                    ? new Running(XenLab.attach(Path.of(attached).toAbsolutePath()), false, null)
                    : new Running(XenLab.boot(RUN_DIR), true, null);
        } catch (RuntimeException e) {
            return new Running(null, false, e);
        } catch (java.io.IOException e) {
            return new Running(null, false, new IllegalStateException("cannot prepare the Xen lab in " + RUN_DIR, e));
        }
    }

    /**
     * Waits for this class's turn on the machine (MachineTurns): beside the other test JVM's scenarios, or alone
     * for a class marked {@link MachineTurns.Alone}.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boolean alone = context.getRequiredTestClass().isAnnotationPresent(MachineTurns.Alone.class);
        long asked = System.nanoTime();
        MachineTurns.Turn turn = TURNS.take(alone);
        long waited = (System.nanoTime() - asked) / 1_000_000_000L;
        if (waited > 0) {
            System.out.println(context.getRequiredTestClass().getSimpleName() + ": waited " + waited
                    + " s for the machine" + (alone ? " to itself" : ""));
        }
        context.getStore(NAMESPACE).put(TURN, turn);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        MachineTurns.Turn turn = context.getStore(NAMESPACE).remove(TURN, MachineTurns.Turn.class);
        if (turn != null) {
            turn.close();
        }
    }

    /** Marks the console, so that a libvirtd exit during this test is blamed on it (see afterEach). */
    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        XenLab lab = runningLab(context);
        if (lab != null) {
            context.getStore(NAMESPACE).put(CONSOLE_MARK, lab.consoleMark());
        }
    }

    /**
     * A test during which libvirtd exited fails with what the dom0 printed about it, even if its own checks
     * passed; the next test waits for the restarted libvirtd.
     */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        XenLab lab = runningLab(context);
        if (lab == null || context.getExecutionException().isPresent()) {
            return;
        }
        List<String> exits = libvirtdExits(lab, context);
        if (!exits.isEmpty()) {
            throw new AssertionError("libvirtd exited in the dom0 during this test:\n" + String.join("\n", exits)
                    + "\n(the dom0's logs: " + collect(lab, context) + ")");
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Running running = started();
        if (running == null || running.failure != null) {
            throw failure;
        }
        List<String> exits = libvirtdExits(running.lab, context);
        AssertionError annotated = new AssertionError(failure.getMessage()
                + (exits.isEmpty() ? "" : "\nlibvirtd exited in the dom0 during this test:\n" + String.join("\n", exits))
                + "\n(the dom0's logs: " + collect(running.lab, context) + ")", failure);
        annotated.setStackTrace(failure.getStackTrace());
        throw annotated;
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(XenLabExtension.class);
    private static final String CONSOLE_MARK = "console-mark";

    private static XenLab runningLab(ExtensionContext context) {
        Running running = started();
        return running == null || running.failure != null ? null : running.lab;
    }

    /** libvirtd's exits since this test began; when there were some, waits for the restarted daemon. */
    private static List<String> libvirtdExits(XenLab lab, ExtensionContext context) throws Exception {
        Long mark = context.getStore(NAMESPACE).get(CONSOLE_MARK, Long.class);
        List<String> exits = lab.libvirtdExitsSince(lab.blameFrom(mark == null ? lab.consoleAtStart() : mark));
        if (!exits.isEmpty() && !lab.awaitLibvirtd(Duration.ofSeconds(60))) {
            return java.util.stream.Stream.concat(exits.stream(),
                    java.util.stream.Stream.of("(and it did not come back within 60 s)")).toList();
        }
        return exits;
    }

    private static String collect(XenLab lab, ExtensionContext context) throws java.io.IOException {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        return lab.collectLogs(lab.runDir().resolve("failed").resolve(name))
                + ": serial.log, libvirt/libvirtd.log, libvirt/libxl/, xen/";
    }

    /** The lab, whether this JVM booted it (and stops it when it exits), or why it did not come up. */
    private record Running(XenLab lab, boolean booted, RuntimeException failure) {
        @Override
        public XenLab lab() {
            if (failure != null) {
                throw failure;
            }
            return lab;
        }

        void close() {
            lab.close();
        }
    }
}
