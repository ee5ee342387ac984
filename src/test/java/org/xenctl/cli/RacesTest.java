package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Churn;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.FakeKernel;
import org.xenctl.testing.SysfsTree;
import org.xenctl.testing.TestDriver;

/**
 * Eight xenctl at once asking for the same change, as scripts on several terminals or a fleet tool do: every one
 * exits 0, exactly one says it changed something, the others that it already was so. On libvirt's shared
 * test:///default (real libvirt, one connection each), and on a sysfs-shaped host for pci-assignable-add.
 */
class RacesTest {
    private static final int RACERS = 8;

    @TempDir
    Path dir;

    private LibvirtHypervisor keep;
    private ExecutorService pool;

    @BeforeEach
    void theSharedTestHost() {
        keep = TestDriver.keep();
        pool = Executors.newFixedThreadPool(RACERS);
    }

    @Test
    void a_listing_leaves_out_the_domains_destroyed_while_it_reads_them() throws Exception {
        List<Result> listings = new ArrayList<>();
        try (Churn churn = new Churn(keep)) {
            for (int i = 0; i < 30; i++) {
                listings.add(Cli.onTestDriver("-o", "json", "list"));
            }
        }

        for (Result listing : listings) {
            assertThat(listing.exit()).as(listing.toString()).isZero();
            assertThat(listing.json().get("domains").toString()).contains("\"name\":\"test\"");
        }
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        keep.close();
    }

    private List<Result> race(Context context, String... args) throws Exception {
        List<Callable<Result>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(() -> Cli.runIn(context, args));
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> done : pool.invokeAll(racers)) {
            results.add(done.get());
        }
        return results;
    }

    private static void oneChangedTheRestSawIt(List<Result> results, String field) {
        for (Result r : results) {
            assertThat(r.exit()).as(r.toString()).isZero();
        }
        assertThat(results.stream().filter(r -> r.json().get(field).asBoolean()).count())
                .as("racers that report the change: " + results.get(0).out()).isEqualTo(1);
    }

    private static Context defaults() {
        return Context.of(Map.of());
    }

    /** A test-driver domain's XML in a file of its own. */
    private Path domainFile(String name) throws java.io.IOException {
        return Files.writeString(dir.resolve(name + ".xml"), "<domain type='test'><name>" + name + "</name><memory "
                + "unit='MiB'>64</memory><os><type>hvm</type></os></domain>");
    }

    @Test
    void defining_one_new_file_eight_times_at_once_creates_it_once() throws Exception {
        Path file = domainFile("racer");

        List<Result> results = race(defaults(), "-c", TestDriver.DEFAULT, "-o", "json", "define", file.toString());

        oneChangedTheRestSawIt(results, "created");
    }

    @Test
    void creating_one_domain_eight_times_at_once_creates_it_once_and_refuses_the_rest_alike() throws Exception {
        Path file = domainFile("racer");

        List<Result> results = race(defaults(), "-c", TestDriver.DEFAULT, "-o", "json", "create", file.toString());

        assertThat(results.stream().filter(r -> r.exit() == 0).count()).as(results.toString()).isEqualTo(1);
        for (Result r : results) {
            if (r.exit() != 0) {
                // As a create that comes after it is refused: the same status and code, whoever checked first.
                assertThat(r.exit()).as(r.toString()).isEqualTo(4);
                assertThat(r.errorJson().get("error").get("code").asText()).isEqualTo("domain-exists");
            }
        }
        assertThat(Cli.run("-c", TestDriver.DEFAULT, "-o", "json", "info", "racer").json().get("state").asText())
                .isEqualTo("running");
    }

    @Test
    void starting_pausing_and_destroying_one_domain_eight_times_at_once_does_each_once()
            throws Exception {
        Path file = domainFile("runner");
        assertThat(Cli.run("-c", TestDriver.DEFAULT, "define", file.toString()).exit()).isZero();

        for (String verb : new String[] {"start", "pause", "unpause", "destroy"}) {
            oneChangedTheRestSawIt(race(defaults(), "-c", TestDriver.DEFAULT, "-o", "json", verb, "runner"),
                    "changed");
        }
        // Not undefine: libvirt's test driver undefines a domain that is transient already without a complaint (the
        // libxl driver refuses it), so two racers can both truly have been told "done". And a racer that comes after
        // a domain is gone altogether is told it does not exist (exit 3): there is nothing left to name.
        assertThat(Cli.run("-c", TestDriver.DEFAULT, "undefine", "runner").exit()).isZero();
    }

    @Test
    void making_one_device_assignable_then_giving_it_back_eight_times_at_once_binds_and_unbinds_it_once() throws Exception {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr")
                .file("driver_override", "(null)");
        FakeKernel kernel = new FakeKernel(dir);
        Context host = Context.of(Map.of("XENCTL_HOST_ROOT", dir.toString())).withSysfs(kernel);

        List<Result> results = race(host, "-o", "json", "pci-assignable-add", "01:00.0");

        for (Result r : results) {
            assertThat(r.exit()).as(r.toString()).isZero();
        }
        assertThat(results.stream().filter(r -> r.json().get("devices").get(0).get("changed").asBoolean()).count())
                .isEqualTo(1);
        assertThat(kernel.writes()).containsOnlyOnce("drivers/pciback/bind <- 0000:01:00.0");

        List<Result> removals = race(host, "-c", TestDriver.DEFAULT, "-o", "json", "pci-assignable-remove", "-r",
                "01:00.0");

        for (Result r : removals) {
            assertThat(r.exit()).as(r.toString()).isZero();
        }
        assertThat(removals.stream().filter(r -> r.json().get("devices").get(0).get("changed").asBoolean()).count())
                .as(removals.get(0).out()).isEqualTo(1);
        assertThat(kernel.writes()).containsOnlyOnce("drivers/pciback/unbind <- 0000:01:00.0")
                .containsOnlyOnce("drivers/e1000e/bind <- 0000:01:00.0");
    }
}
