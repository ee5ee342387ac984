package org.xenctl.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.xenctl.testing.TestDriver;

/**
 * One Xen lab for the whole run: booted by the first test that asks for it, stopped (by QEMU's PID) when the run
 * ends, whatever happened. With XENCTL_LAB_RUN_DIR set, the tests use the lab already running there (started by
 * src/it/xen/lab up) and leave it running. A failing test gets the dom0's logs copied to target/xen-lab/failed/CLASS.METHOD/, and
 * its failure message says so.
 */
final class XenLabExtension implements ParameterResolver, TestExecutionExceptionHandler, BeforeEachCallback,
        AfterEachCallback {
    private static final Path RUN_DIR = TestDriver.repositoryFile("target/xen-lab");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == XenLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lab(context);
    }

    private static XenLab lab(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class).lab();
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
        var running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(Running.class, Running.class);
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
        var running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(Running.class, Running.class);
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

    /** Stops the lab it booted when JUnit closes the root store, at the end of the run. */
    private record Running(XenLab lab, boolean booted, RuntimeException failure)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public XenLab lab() {
            if (failure != null) {
                throw failure;
            }
            return lab;
        }

        @Override
        public void close() {
            if (booted) {
                lab.close();
            }
        }
    }
}
