package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.xenctl.testing.TestDriver;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Coverage-guided fuzzing (Jazzer) of commands run, not only parsed ({@link CommandLineFuzzTest} parses): a few
 * command lines built from the fuzzer's bytes by the grammar of the verbs themselves (a verb of the verb table, some
 * of the options its picocli model declares, arguments of the kinds it takes: domain names, sizes, CPU lists,
 * device specs, xl.cfg lines, and strings the fuzzer makes up), run one after another on libvirt's test driver in
 * this process, each seeing what the last left (a domain paused, destroyed, renamed, saved…). Every command must end
 * in a documented exit status, never 70 (an internal error), and what -o json prints must be JSON.
 *
 * <p>Random lines of this kind found that a second {@code reboot --wait} on the test driver waited for ever and
 * that an empty file name was read as the working directory. Files are only those of a private directory; nothing
 * touches the host's PCI devices, a console or another host: the verbs that could are left out, each for a reason
 * ({@link #LEFT_OUT}), and a verb added to the table must be put in one list or the other
 * ({@link #every_verb_is_fuzzed_or_left_out_for_a_reason}). Waits are bounded by a timeout from a small pool.
 */
class CommandRunsFuzzTest {
    /** Verbs not run here, and why. */
    static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("batch", "runs lines of its own: what this target makes"),
            Map.entry("console", "takes over the terminal, and the test driver has no console"),
            Map.entry("migrate", "reaches another host"),
            Map.entry("evacuate", "reaches other hosts"),
            Map.entry("pci-assignable-add", "binds a PCI device of this machine (PciHostFuzzTest: a simulated one)"),
            Map.entry("pci-assignable-remove", "binds a PCI device of this machine"),
            Map.entry("pci-restore", "binds PCI devices of this machine"),
            Map.entry("pci-attach", "makes a PCI device of this machine assignable first"),
            Map.entry("pci-detach", "may give a PCI device of this machine back to its driver"),
            Map.entry("pci-host-list", "reads this machine's sysfs (PciHostFuzzTest: a simulated one)"),
            Map.entry("pci-check", "reads this machine's sysfs (PciHostFuzzTest: a simulated one)"),
            Map.entry("pci-assignable-list", "reads this machine's sysfs"),
            Map.entry("pci-list", "reads this machine's sysfs for the devices' names"));

    private static final String[] DOMAINS = {"test", "test", "fuzz", "fuzz-xml", "1", "0", "-1", "Domain-0",
        "6695eb01-f6a4-8304-79aa-97f2502e193f", "nosuch", "", "te st", "ünï", "x".repeat(300), "2147483648"};
    private static final String[] SIZES = {"512", "1g", "0", "0k", "-1m", "1t", "9999999999t", "1.5g", "m",
        "8388608k", "1b", "2048", "256m", "16", "4g"};
    private static final String[] COUNTS = {"0", "1", "2", "3", "-1", "64", "65536", "99999999999999999999", "1.5",
        "0x10", "all", "", "4097"};
    private static final String[] CPUS = {"0-3", "0-7,^2", "^1", "3-1", "all", "-", "0,,1", "99999",
        "0-99999999999", "1-", ",", "0", "1", "0,1"};
    private static final String[] DISKS = {"DIR/disk.img,raw,xvdb,rw", "format=qcow2,vdev=xvdc,target=DIR/d",
        "xvdb", "a=b", ",,,", "target=", "vdev=hda,devtype=cdrom", "DIR/disk.img,,sdz,ro",
        "vdev=xvdb,access=rw,target=DIR/disk.img", "DIR/disk.img,raw,hdc,ro,cdrom", "vdev=xvdd,target=DIR/no/x"};
    private static final String[] NICS = {"bridge=br0", "mac=00:16:3e:00:00:01", "mac=zz", "model=e1000",
        "ip=1.2.3.4", "rate=10Mb/s", "=", "vifname=x", "type=ioemu", "backend=0", "mac=ff:ff:ff:ff:ff:ff",
        "bridge=default", "rate=99999999999GB/s@1ms", "00:16:3e:00:00:01", "0", "1", "-1"};
    private static final String[] DEVICES = {"xvda", "xvdb", "xvdc", "hdc", "hda", "sdz", "0", "51728", "", "xvd"};
    private static final String[] XL_LINES = {"memory=512", "name=fuzz3", "vcpus=99999", "memory=", "name=a b", "x",
        "pci=['00:00.0']", "on_crash='bogus'", "maxmem=128", "vcpus=0", "disk=[]", "type='hvm'",
        "vif=['mac=zz']", "on_reboot='destroy'"};
    private static final String[] FILES = {"DIR/guest.cfg", "DIR/guest.xml", "DIR/bad.cfg", "DIR/out.img",
        "DIR/out.img", "DIR/no/such/file", "DIR", "", "DIR/disk.img"};
    /** Seconds and counts that bound a wait: never from the fuzzer, which would pick an hour. */
    private static final String[] SECONDS = {"0", "0.1", "0.2", "-1", "x", "", "0.0001"};
    private static final String[] WAIT_COUNTS = {"0", "1", "2", "-1", ""};
    private static final String[] STATES = {"running", "shutoff", "paused", "gone", "bogus", ""};
    private static final String[] COLUMNS = {"name,state", "bogus", "", "id,name,uuid,state,reason,mem,maxmem,vcpus,time"};
    private static final String[] WORDS = {"", "-", "--", "all", "none", "0", "1", "-1", "test", "json", "text"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;

    @FuzzTest(maxDuration = "5m")
    void command_runs(FuzzedDataProvider data) throws IOException {
        Path files = files();
        Context context = Context.of(Map.of("XENCTL_SYSLOG_SOCKET", files.resolve("no-syslog").toString(),
                "XENCTL_CONFIG", files.resolve("no-xenctl.conf").toString()));
        int commands = data.consumeInt(1, 4);
        for (int i = 0; i < commands && data.remainingBytes() > 0; i++) {
            run(context, line(data, files));
        }
    }

    @Test
    void every_verb_is_fuzzed_or_left_out_for_a_reason() {
        Set<String> verbs = new TreeSet<>();
        Verbs.TABLE.forEach(verb -> verbs.add(verb.name()));
        assertThat(LEFT_OUT.keySet()).as("left out, and no longer a verb").isSubsetOf(verbs);
        assertThat(fuzzed()).as("every other verb is run").hasSize(verbs.size() - LEFT_OUT.size());
    }

    private static List<Verb> fuzzed() {
        return Verbs.TABLE.stream().filter(verb -> !LEFT_OUT.containsKey(verb.name())).toList();
    }

    private static void run(Context context, List<String> line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(line.toArray(String[]::new), context, new PrintWriter(out, true),
                new PrintWriter(err, true));
        if (status == ExitStatus.INTERNAL) {
            throw new AssertionError("exit 70 for " + line + ": " + err);
        }
        if (status == ExitStatus.OK && line.contains("json") && !out.toString().isBlank()) {
            try (var values = JSON.readerFor(Object.class).readValues(out.toString())) {
                values.readAll();
            } catch (IOException e) {
                throw new AssertionError("-o json printed what is not JSON for " + line + ": " + out, e);
            }
        }
    }

    /** One command line: the verb's model says which options and arguments it takes; the pools say what. */
    private static List<String> line(FuzzedDataProvider data, Path files) {
        List<String> words = new ArrayList<>(List.of("-c", TestDriver.DEFAULT));
        if (data.consumeBoolean()) {
            words.addAll(List.of("-o", "json"));
        }
        List<Verb> verbs = fuzzed();
        Verb verb = verbs.get(data.consumeInt(0, verbs.size() - 1));
        words.add(verb.name());
        CommandSpec spec = verb.create().spec();
        if (!spec.subcommands().isEmpty()) {
            List<String> names = new ArrayList<>(spec.subcommands().keySet());
            String name = names.get(data.consumeInt(0, names.size() - 1));
            words.add(name);
            spec = spec.subcommands().get(name).getCommandSpec();
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.inherited() && !o.usageHelp()
                && !o.versionHelp()).toList();
        int optionCount = options.isEmpty() ? 0 : data.consumeInt(0, 3);
        for (int i = 0; i < optionCount; i++) {
            OptionSpec option = options.get(data.consumeInt(0, options.size() - 1));
            String[] names = option.names();
            words.add(names[data.consumeInt(0, names.length - 1)]);
            if (option.arity().max() > 0) {
                words.add(value(data, option, files));
            }
        }
        for (var parameter : spec.positionalParameters()) {
            int count = parameter.arity().max() > 1 ? data.consumeInt(0, 2) : data.consumeInt(0, 9) == 0 ? 0 : 1;
            for (int i = 0; i < count; i++) {
                words.add(value(data, parameter, files));
            }
        }
        bound(words, verb.name());
        return words;
    }

    /** What runs until stopped gets a short limit where the line has none. */
    private static void bound(List<String> words, String verb) {
        if (verb.equals("stats")) {
            addUnlessGiven(words, "--count", "-n", "1");
            addUnlessGiven(words, "--interval", "-i", "0.1");
        } else if (verb.equals("wait") || verb.equals("events")) {
            addUnlessGiven(words, "--timeout", "-t", "0.2");
        }
    }

    private static void addUnlessGiven(List<String> words, String option, String shortName, String value) {
        if (!words.contains(option) && !words.contains(shortName)) {
            words.addAll(List.of(option, value));
        }
    }

    private static String value(FuzzedDataProvider data, ArgSpec arg, Path files) {
        String label = arg.paramLabel().replaceAll("[<>.\\[\\]]", "");
        if (arg instanceof OptionSpec option && option.longestName().equals("--count")) {
            label = "COUNT";  // of events or of stats' intervals: a wait, so bounded
        }
        String[] pool = switch (label) {
            case "DOMAIN", "NEW_NAME" -> DOMAINS;
            case "SIZE" -> SIZES;
            case "N", "VCPU", "WEIGHT", "CAP" -> COUNTS;
            case "CPUS", "SOFT" -> CPUS;
            case "DISK_SPEC" -> DISKS;
            case "NET_SPEC", "DEVID|MAC" -> NICS;
            case "VDEV" -> DEVICES;
            case "KEY=VALUE" -> XL_LINES;
            case "FILE", "TARGET" -> FILES;
            case "S" -> SECONDS;
            case "COUNT" -> WAIT_COUNTS;
            case "STATE" -> STATES;
            case "COLS" -> COLUMNS;
            default -> WORDS;
        };
        boolean bounded = pool == FILES || pool == SECONDS || pool == WAIT_COUNTS;
        int pick = data.consumeInt(0, bounded ? pool.length - 1 : pool.length);
        String value = pick < pool.length ? pool[pick] : data.consumeString(24);
        return value.replace("DIR", files.toString());
    }

    /** The private directory, its input files as each input starts: a save with --force may have overwritten them. */
    private static synchronized Path files() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("xenctl-command-runs");
        }
        Files.writeString(dir.resolve("guest.cfg"), "name = \"fuzz\"\nmemory = 256\nvcpus = 2\nmaxvcpus = 4\n"
                + "kernel = \"/boot/vmlinuz\"\ndisk = [ \"" + dir + "/disk.img,raw,xvda,rw\" ]\n"
                + "vif = [ \"mac=00:16:3e:00:00:01\" ]\n");
        Files.writeString(dir.resolve("guest.xml"), "<domain type='test'><name>fuzz-xml</name>"
                + "<memory unit='MiB'>128</memory><vcpu>2</vcpu><os><type>xen</type></os></domain>\n");
        Files.writeString(dir.resolve("bad.cfg"), "name = \"fuzz2\nmemory = x\n");
        Files.writeString(dir.resolve("disk.img"), "");
        return dir;
    }
}
