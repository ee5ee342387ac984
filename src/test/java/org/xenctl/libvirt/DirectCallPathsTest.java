package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xenctl.cli.Context;
import org.xenctl.cli.Main;
import org.xenctl.testing.ChildJvm;
import org.xenctl.testing.Cli.Result;

/**
 * The everyday verbs (list, and those that find, read, start, pause or undefine one domain) reach libvirt through
 * {@link DirectCalls} only: libvirt-java's binding, whose first call builds JNA's proxy of its whole interface (~30 ms
 * of a fresh JVM, docs/performance.md), is never loaded. A call moved back to libvirt-java fails this test, not only
 * the benchmark. (shutdown, destroy and reboot watch lifecycle events, which go through libvirt-java's event API.)
 * Each run in a JVM of its own, its class loading logged.
 */
class DirectCallPathsTest {
    /** What libvirt-java loads when its binding is first used: the class holding the proxy, the proxy's interface. */
    private static final List<String> BINDING = List.of("org.libvirt.Library ", "org.libvirt.jna.Libvirt ");

    @Test
    @Timeout(120)
    void everyday_verbs_never_load_libvirt_javas_binding() throws Exception {
        Result run = ChildJvm.run(List.of("-Xlog:class+load=info:stdout"), Verbs.class,
                "list --all", "domid test", "domname 1", "info test", "-o json info test", "dumpxml test",
                "dumpxml --inactive test", "pause test", "unpause test", "start test", "undefine test");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).as("the log names the classes xenctl's own calls load")
                .contains("org.xenctl.libvirt.DirectCalls ");
        assertThat(run.out()).doesNotContain(BINDING);
    }

    @Test
    @Timeout(120)
    void a_verb_that_needs_libvirt_java_loads_it() throws Exception {
        // The control: the same detection sees the binding where a verb does use it (host-info's node facts).
        Result run = ChildJvm.run(List.of("-Xlog:class+load=info:stdout"), Verbs.class, "host-info");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(BINDING.get(0));
    }

    /** Runs each argument, a command line split at spaces, on its own connection to test:///default. */
    public static final class Verbs {
        public static void main(String[] lines) {
            for (String line : lines) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                String[] args = ("-c test:///default " + line).split(" ");
                int status = Main.run(args, Context.of(System.getenv()), new PrintWriter(out, true),
                        new PrintWriter(err, true));
                if (status != 0) {
                    System.err.println(line + ": exit " + status + ": " + err);
                    System.exit(1);
                }
            }
            System.exit(0);
        }
    }
}
