package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.TestDriver;

/** The packaged ./xenctl launcher, run as a separate process as a user or a script would (after 'package'). */
class LauncherIT {
    record Run(int exit, String out, String err) { }

    private static Run launch(Path launcher, String... args) throws IOException, InterruptedException {
        return launchWith("", launcher, args);
    }

    private static Run launchWith(String javaOptions, Path launcher, String... args)
            throws IOException, InterruptedException {
        return launchWith(Map.of(), javaOptions, launcher, args);
    }

    private static Run launchWith(Map<String, String> environment, String javaOptions, Path launcher,
            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("LIBVIRT_DEFAULT_URI");
        builder.environment().remove("XENCTL_DEFAULT_URI");
        builder.environment().put("XENCTL_JAVA_OPTS", javaOptions);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Path launcher() {
        return TestDriver.repositoryFile("xenctl");
    }

    @Test
    void lists_the_test_domain_running_as_valid_json() throws Exception {
        Run run = launch(launcher(), "-c", "test:///default", "list", "-o", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode test = new ObjectMapper().readTree(run.out()).get("domains").get(0);
        assertThat(test.get("name").asText()).isEqualTo("test");
        assertThat(test.get("state").asText()).isEqualTo("running");
        assertThat(run.err()).isEmpty();
    }

    /**
     * The start-up files 'package' writes are used and valid: -Xshare:on makes the JVM fail where it would otherwise
     * silently ignore an archive that does not match the jar, and JNA must find its native part unpacked already.
     * The archive's heap objects are mapped too (the module graph comes from them) and where they were dumped: the
     * options give the launcher the collector and heap size the archive was laid out for (scripts/startup-files),
     * without which the JVM would patch every one of them at each start. JNA, told that it has nothing to unpack,
     * leaves the user's cache directory alone (it would otherwise create $XDG_CACHE_HOME/JNA/temp and search it).
     */
    @Test
    void starts_with_the_class_data_archive_and_the_unpacked_jna_library(@TempDir Path dir) throws Exception {
        String options = Files.readString(TestDriver.repositoryFile("target/xenctl.options"));
        assertThat(options).contains("-XX:SharedArchiveFile=").contains("-Djna.boot.library.path=")
                .contains("-Djna.nounpack=true").contains("-XX:+UseG1GC").contains("-Xmx1g");
        Path cache = dir.resolve("cache");

        Run run = launchWith(Map.of("XDG_CACHE_HOME", cache.toString()),
                "-Xshare:on -Xlog:cds=info:file=" + dir.resolve("cds"), launcher(), "-c", "test:///default", "list");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("test");
        assertThat(Files.readString(dir.resolve("cds"))).contains("full module graph: enabled")
                .contains("CDS heap data relocation delta = 0 bytes");
        assertThat(cache).doesNotExist();
    }

    /**
     * A command that connects starts loading libvirt before its command line is parsed; one that works on files
     * never loads JNA at all, nor does a connecting verb asked for its help.
     */
    @Test
    void only_commands_that_connect_load_jna(@TempDir Path dir) throws Exception {
        String config = TestDriver.repositoryFile("examples/guest-pv.cfg").toString();

        Run list = launchWith(classLog(dir, "list"), launcher(), "-c", "test:///default", "list");
        Run check = launchWith(classLog(dir, "check"), launcher(), "config", "check", config);
        Run help = launchWith(classLog(dir, "help"), launcher(), "list", "--help");

        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(Files.readString(dir.resolve("list"))).contains("org.xenctl.libvirt.NativeLoading ")
                .contains("com.sun.jna.Native ");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(Files.readString(dir.resolve("check"))).contains("org.xenctl.xlcfg.")
                .doesNotContain("com.sun.jna.").doesNotContain("org.libvirt.");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: xenctl list");
        assertThat(Files.readString(dir.resolve("help"))).doesNotContain("com.sun.jna.");
    }

    /**
     * In the packaged jar JNA logs through org.xenctl.julshim, so a listing never starts java.util.logging;
     * what java.util.logging would show by default still appears: JNA's library-loading messages under
     * jna.debug_load are INFO, passed on to the platform logger (each relocated call must resolve in the shim).
     */
    @Test
    void jna_logs_without_starting_java_util_logging_yet_its_shown_messages_appear(@TempDir Path dir)
            throws Exception {
        Run quiet = launchWith(classLog(dir, "quiet"), launcher(), "-c", "test:///default", "list");
        Run debug = launchWith("-Djna.debug_load=true", launcher(), "-c", "test:///default", "list");

        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(Files.readString(dir.resolve("quiet"))).contains("com.sun.jna.Native ")
                .contains("org.xenctl.julshim.Logger ").doesNotContain("java.util.logging.");
        assertThat(debug.exit()).as(debug.err()).isZero();
        assertThat(debug.err()).contains("INFO").contains("Looking for library");
    }

    /**
     * The commands scripts run most (and pause, for what the changing verbs share) load every class from the
     * class-data archive: none from the jar or the JDK's modules, no lambda class made at run time, no annotation
     * proxy, no record method linked at run time. What the JDK 17 archive cannot hold is let through: the
     * method-handle forms it spins (java.lang.invoke.LambdaForm$…; for info, the XML parser's string concatenations,
     * docs/performance.md). A command that drifts from what the archive was trained on (scripts/startup-files) fails
     * here, not only in the benchmark.
     */
    @Test
    void everyday_commands_load_every_class_from_the_archive(@TempDir Path dir) throws Exception {
        List<List<String>> lines = List.of(List.of("list"), List.of("list", "--all", "--columns", "id,name,state"),
                List.of("-o", "json", "list", "--all"), List.of("domid", "test"), List.of("info", "test"),
                List.of("-o", "json", "info", "test"), List.of("pause", "test"));
        for (List<String> line : lines) {
            Path log = dir.resolve("classes");
            List<String> args = new ArrayList<>(List.of("-c", "test:///default"));
            args.addAll(line);
            Run run = launchWith(classLog(dir, "classes"), launcher(), args.toArray(String[]::new));

            assertThat(run.exit()).as(run.err()).isZero();
            List<String> loaded = Files.readAllLines(log);
            assertThat(loaded).as("the log names the classes").anyMatch(l -> l.contains("org.xenctl.cli.Main "));
            assertThat(loaded).as(String.join(" ", line))
                    .filteredOn(l -> !l.endsWith("source: shared objects file"))
                    .allMatch(l -> l.contains(" java.lang.invoke.LambdaForm$"));
        }
    }

    private static String classLog(Path dir, String name) {
        return "-Xlog:class+load=info:file=" + dir.resolve(name);
    }

    @Test
    void an_unknown_domain_exits_3_without_libvirt_chatter() throws Exception {
        Run run = launch(launcher(), "-c", "test:///default", "info", "nosuch");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).startsWith("xenctl: error: domain 'nosuch' not found").doesNotContain("libvirt:");
    }

    @Test
    void an_unreachable_host_exits_6_with_no_trace() throws Exception {
        Run run = launch(launcher(), "-c", "xen+tcp://127.0.0.1:1/system", "list");
        assertThat(run.exit()).isEqualTo(6);
        assertThat(run.err()).startsWith("xenctl: error: cannot connect").doesNotContain("\tat ");
    }

    @Test
    void the_demo_tour_runs_in_one_process() throws Exception {
        Run run = launch(launcher(), "-c", TestDriver.demoHost(), "batch",
                TestDriver.repositoryFile("examples/demo-tour.batch").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("batch: 15 commands, 15 succeeded, 0 failed");
    }

    @Test
    void ctrl_c_stops_a_wait_with_status_130_and_does_not_force_the_destroy(@TempDir Path dir) throws Exception {
        Path guest = dir.resolve("stubborn.xml");
        Files.writeString(guest, "<domain type='test'><name>stubborn</name><memory>131072</memory>"
                + "<os><type>xen</type></os><on_poweroff>restart</on_poweroff></domain>");
        Path script = dir.resolve("wait.batch");
        Files.writeString(script, "define " + guest + "\nstart stubborn\n"
                + "shutdown stubborn --force --timeout 60\nlist stubborn\n");
        Process process = new ProcessBuilder(launcher().toString(), "-c", "test:///default", "-o", "json", "batch",
                script.toString()).start();
        process.getOutputStream().close();
        Thread.sleep(3000);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the process ends after SIGINT").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isEqualTo(130);
        List<String> lines = out.lines().toList();
        assertThat(lines.get(2)).contains("\"exit_status\":130").contains("\"code\":\"interrupted\"");
        assertThat(out).as("the batch stops: no list line, no forced destroy").doesNotContain("\"line\":4");
    }

    @Test
    void output_that_cannot_be_written_fails_the_command_instead_of_exiting_0() throws Exception {
        // A full disk under `xenctl -o json list > state.json` left an empty file and exit 0.
        ProcessBuilder list = new ProcessBuilder(launcher().toString(), "-c", "test:///default", "-o", "json", "list")
                .redirectOutput(new java.io.File("/dev/full"));
        Process process = list.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(err).get("error").get("code").asText()).isEqualTo("output-failed");
        assertThat(err).contains("No space left on device");

        // A batch's output is its record: it ends at the first line that cannot be written, said once.
        Path script = Files.createTempFile("lines", ".batch");
        Files.writeString(script, "list\ninfo test\nlist\n");
        Process batch = new ProcessBuilder(launcher().toString(), "-c", "test:///default", "batch", script.toString())
                .redirectOutput(new java.io.File("/dev/full")).start();
        batch.getOutputStream().close();
        assertThat(batch.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String batchErr = new String(batch.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.delete(script);
        assertThat(batch.exitValue()).as(batchErr).isEqualTo(1);
        assertThat(batchErr.lines()).containsExactly("xenctl: error: cannot write the output: No space left on device",
                "xenctl: hint: the results printed so far are incomplete");
    }

    @Test
    void a_stream_whose_reader_goes_away_ends_quietly_with_141_as_a_c_tool_would() throws Exception {
        // `xenctl stats | head -2` ran for ever once head had gone: a pipeline that never ended.
        Process process = new ProcessBuilder(launcher().toString(), "-c", "test:///default", "stats", "--interval",
                "0.2").start();
        try {
            process.getOutputStream().close();
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                    process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).as("the first interval's time").isNotNull();
            reader.close();

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stats ends once nobody reads").isTrue();
            assertThat(process.exitValue()).isEqualTo(141);
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        } finally {
            process.destroyForcibly();  // a stats that does not end would otherwise outlive the suite
        }
    }

    @Test
    void names_beyond_ascii_work_in_any_locale(@TempDir Path dir) throws Exception {
        // Under cron, a systemd unit or LANG=C the JVM decoded arguments and libvirt's strings as ASCII: 'domid café'
        // found nothing and list printed "caf?".
        Path host = dir.resolve("host.xml");
        Files.writeString(host, "<node><cpu><mhz>2400</mhz><model>x86_64</model><active>2</active><nodes>1</nodes>"
                + "<sockets>1</sockets><cores>2</cores><threads>1</threads></cpu><memory>8388608</memory>"
                + "<domain type='test'><name>caf\u00e9</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>"
                + "</domain></node>", StandardCharsets.UTF_8);
        for (Map<String, String> locale : List.of(Map.<String, String>of(), Map.of("LANG", "C"),
                Map.of("LC_ALL", "POSIX"), Map.of("LANG", "en_US.ISO-8859-1"), Map.of("LANG", "C.UTF-8"))) {
            // The name goes through sh as bytes: this JVM, in the same locale, could not pass it as an argument.
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", "\"$0\" -c \"$1\" domid \"$(printf 'caf\\303\\251')\" "
                    + "&& \"$0\" -c \"$1\" list --no-headers --columns name,id", launcher().toString(),
                    "test://" + host);
            builder.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
            builder.environment().putAll(locale);
            Process process = builder.start();
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(locale + ": " + err).isZero();
            assertThat(out.lines()).as(locale.toString()).containsExactly("1", "caf\u00e9  1");
        }
    }

    @Test
    void without_a_built_jar_the_launcher_says_how_to_build(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("xenctl");
        Files.copy(launcher(), copy);
        copy.toFile().setExecutable(true);
        Run run = launch(copy, "list");
        assertThat(run.exit()).isEqualTo(70);
        assertThat(run.err()).contains("is missing").contains("mvn -q -DskipTests package");
    }
}
