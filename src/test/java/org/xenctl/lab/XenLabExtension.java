package org.xenctl.lab;

import java.nio.file.Path;

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
final class XenLabExtension implements ParameterResolver, TestExecutionExceptionHandler {
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

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        var running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(Running.class, Running.class);
        if (running == null || running.failure != null) {
            throw failure;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        Path logs = running.lab.collectLogs(running.lab.runDir().resolve("failed").resolve(name));
        AssertionError annotated = new AssertionError(failure.getMessage()
                + "\n(the dom0's logs: " + logs + ": serial.log, libvirt/libvirtd.log, libvirt/libxl/, xen/)", failure);
        annotated.setStackTrace(failure.getStackTrace());
        throw annotated;
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
