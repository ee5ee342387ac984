package org.xenctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class's main run in a JVM of its own, on the tests' class path: for what process-wide state decides (libvirt's
 * event loop, once a thread runs it, serves every connection of the test JVM).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static Cli.Result run(Class<?> main, String... args) throws IOException, InterruptedException {
        return run(List.of(), main, args);
    }

    /** The same with these JVM options. */
    public static Cli.Result run(List<String> jvmOptions, Class<?> main, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the child JVM did not end within 60 s: " + command);
            }
            return new Cli.Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
