package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The turns two test JVMs take on the machine, with real processes (a process's file locks do not exclude its own
 * threads' overlapping ones, they are refused).
 */
class MachineTurnsTest {
    /** A thread for each wait: the common pool has one thread on two cores, and these waits block. */
    private static final java.util.concurrent.ExecutorService WAITS = java.util.concurrent.Executors.newCachedThreadPool(
            task -> {
                Thread thread = new Thread(task, "machine-turns-test");
                thread.setDaemon(true);
                return thread;
            });

    @TempDir
    Path directory;

    @Test
    void a_turn_alone_waits_for_the_shared_one_and_then_keeps_every_other_out() throws Exception {
        Holder shared = Holder.start(directory, false);
        Holder alone = null;
        try {
            shared.awaitTaken();
            alone = Holder.start(directory, true);
            alone.awaitAsking();
            assertThat(alone.taken(1)).as("alone beside a shared turn").isFalse();

            // This process asks while the other waits to be alone: it queues behind it, although only shared turns
            // are held.
            CompletableFuture<MachineTurns.Turn> mine = CompletableFuture.supplyAsync(() -> take(false), WAITS);
            assertThat(waitFor(mine, 1)).as("a shared turn past one waiting to be alone").isNull();

            shared.release();
            alone.awaitTaken();
            assertThat(waitFor(mine, 1)).as("a shared turn while one is alone").isNull();

            alone.release();
            try (MachineTurns.Turn turn = waitFor(mine, 20)) {
                assertThat(turn).as("the shared turn once the machine is free").isNotNull();
                assertThat(turn.alone()).isFalse();
            }
        } finally {
            shared.process.destroyForcibly();
            if (alone != null) {
                alone.process.destroyForcibly();
            }
        }
    }

    @Test
    void a_turn_ends_with_its_process_whatever_happens() throws Exception {
        Holder alone = Holder.start(directory, true);
        alone.awaitTaken();
        alone.process.destroyForcibly().waitFor();
        CompletableFuture<MachineTurns.Turn> mine = CompletableFuture.supplyAsync(() -> take(true), WAITS);
        try (MachineTurns.Turn turn = waitFor(mine, 20)) {
            assertThat(turn).as("the machine after its holder was killed").isNotNull();
            assertThat(turn.alone()).isTrue();
        }
    }

    private MachineTurns.Turn take(boolean alone) {
        try {
            return new MachineTurns(directory).take(alone);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MachineTurns.Turn waitFor(CompletableFuture<MachineTurns.Turn> turn, int seconds) throws Exception {
        try {
            return turn.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    /** Another JVM holding a turn until told to let go (a line on its standard input). */
    private record Holder(Process process, CompletableFuture<Boolean> asking, CompletableFuture<Boolean> turn) {
        static Holder start(Path directory, boolean alone) throws IOException {
            Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    directory.toString(), String.valueOf(alone))).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<Boolean> asking = new CompletableFuture<>();
            CompletableFuture<Boolean> turn = CompletableFuture.supplyAsync(() -> {
                try {
                    asking.complete("asking".equals(out.readLine()));
                    return "taken".equals(out.readLine());
                } catch (IOException e) {
                    asking.complete(false);
                    return false;
                }
            }, WAITS);
            return new Holder(process, asking, turn);
        }

        /** Once it is about to ask, and a second more: it is then waiting at the locks. */
        void awaitAsking() throws Exception {
            assertThat(asking.get(20, TimeUnit.SECONDS)).as("the other process asking").isTrue();
            Thread.sleep(1000);
        }

        void awaitTaken() throws Exception {
            assertThat(taken(20)).as("the other process's turn").isTrue();
        }

        boolean taken(int seconds) throws Exception {
            try {
                return turn.get(seconds, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            }
        }

        void release() throws Exception {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The other JVM: takes a turn, says so, holds it until a line (or the end) of its standard input. */
    static final class Main {
        public static void main(String[] args) throws Exception {
            MachineTurns turns = new MachineTurns(Path.of(args[0]));
            System.out.println("asking");
            System.out.flush();
            try (MachineTurns.Turn turn = turns.take(Boolean.parseBoolean(args[1]))) {
                System.out.println("taken");
                System.out.flush();
                System.in.read();
            }
        }
    }
}
