package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * The XML of every golden config is accepted by real libvirt: it validates against libvirt's own schema
 * (virt-xml-validate, from Debian's libvirt-clients), and, written for the test driver, defines and starts there.
 */
class XlConfigAcceptedByLibvirtTest {
    private static LibvirtHypervisor keeper;

    @BeforeAll
    static void keepTestHost() {
        keeper = TestDriver.keep();
        // The driver domains golden files name (backend=): create refuses a device whose backend does not run.
        for (String driverDomain : List.of("storage-dom", "net-dom")) {
            keeper.define("<domain type='test'><name>" + driverDomain + "</name><memory>131072</memory>"
                    + "<os><type>hvm</type></os></domain>");
            keeper.start(keeper.lookup(DomainRef.of(driverDomain)).uuid(), false);
        }
    }

    @AfterAll
    static void release() {
        for (String driverDomain : List.of("storage-dom", "net-dom")) {
            Cli.run("-c", TestDriver.DEFAULT, "destroy", driverDomain);
            Cli.run("-c", TestDriver.DEFAULT, "undefine", driverDomain);
        }
        keeper.close();
    }

    @TestFactory
    Stream<DynamicTest> golden_xml_validates_against_libvirts_schema() throws IOException {
        return XlConfigGoldenTest.goodCases().stream().map(cfg -> DynamicTest.dynamicTest(
                XlConfigGoldenTest.base(cfg), () -> {
                    Path xml = cfg.resolveSibling(XlConfigGoldenTest.base(cfg) + ".xml");
                    Process validate = new ProcessBuilder("virt-xml-validate", xml.toString(), "domain")
                            .redirectErrorStream(true).start();
                    String output = new String(validate.getInputStream().readAllBytes());
                    assertThat(validate.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(validate.exitValue()).as(output).isZero();
                }));
    }

    @TestFactory
    Stream<DynamicTest> each_config_creates_a_domain_on_the_test_driver() throws IOException {
        return XlConfigGoldenTest.goodCases().stream().map(cfg -> DynamicTest.dynamicTest(
                XlConfigGoldenTest.base(cfg), () -> {
                    String name = "golden-" + XlConfigGoldenTest.base(cfg);
                    List<String> args = new ArrayList<>(List.of("-c", TestDriver.DEFAULT, "-o", "json", "create"));
                    if (XlConfigGoldenTest.compat(cfg)) {
                        args.add("--compat");
                    }
                    args.addAll(List.of(cfg.toString(), "name=\"" + name + "\"",
                            "uuid=\"" + UUID.randomUUID() + "\""));
                    Result r = Cli.run(args.toArray(String[]::new));
                    assertThat(r.exit()).as(r.toString()).isZero();
                    assertThat(r.json().get("state").asText()).isEqualTo("running");
                    assertThat(Cli.run("-c", TestDriver.DEFAULT, "dumpxml", name).out())
                            .contains("<name>" + name + "</name>");
                    assertThat(Cli.run("-c", TestDriver.DEFAULT, "destroy", name).exit()).isZero();
                }));
    }
}
