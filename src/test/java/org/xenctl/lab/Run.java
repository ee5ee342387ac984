package org.xenctl.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A finished process: its exit status and output, with a description for assertion messages. */
record Run(String what, int exit, String out, String err) {

    static Run of(List<String> command, long timeoutSeconds) {
        try {
            Process process = builder(command).start();
            process.getOutputStream().close();
            // Read both streams while the process runs, so that neither pipe fills up and blocks it.
            var out = readAsync(process.getInputStream());
            var err = readAsync(process.getErrorStream());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": no answer within " + timeoutSeconds + " s");
            }
            return new Run(String.join(" ", command), process.exitValue(), out.get(), err.get());
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
    }

    /** A process of the lab's: no default URI from the environment of the run. */
    static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("LIBVIRT_DEFAULT_URI");
        builder.environment().remove("XENCTL_DEFAULT_URI");
        return builder;
    }

    private static java.util.concurrent.Future<String> readAsync(java.io.InputStream stream) {
        var task = new java.util.concurrent.FutureTask<>(
                () -> new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        Thread reader = new Thread(task, "run-output");
        reader.setDaemon(true);
        reader.start();
        return task;
    }

    /** For assertThat(...).as(run.describe()): what ran, how it ended, what it said. */
    String describe() {
        return what + "\n  exit " + exit + "\n  stdout: " + out.strip() + "\n  stderr: " + err.strip();
    }

    Run expectSuccess() {
        if (exit != 0) {
            throw new AssertionError("failed: " + describe());
        }
        return this;
    }
}
