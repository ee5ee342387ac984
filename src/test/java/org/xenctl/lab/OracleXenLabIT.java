package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xenctl.testing.TestDriver;

/**
 * xl and libvirt as oracles, in the dom0: every xl.cfg file of the golden corpus (src/test/resources/xlcfg, all
 * but the bad-* ones) is converted by xenctl, by libvirt's own converter (virsh domxml-from-native xen-xl) and
 * parsed by xl itself (xl -N create, its dry run). Their facts are compared (DomainFacts); every difference must be
 * one of src/test/resources/lab/oracle-differences.txt, each explained in docs/xl-compat.md. A new difference, or
 * a listed one that no longer happens, fails the test. After a deliberate change, rewrite the list with
 * XENCTL_GOLDEN_REWRITE=1 and review its diff.
 */
@ExtendWith(XenLabExtension.class)
class OracleXenLabIT {
    private static final Path CORPUS = TestDriver.repositoryFile("src/test/resources/xlcfg");
    private static final Path EXPECTED = TestDriver.repositoryFile("src/test/resources/lab/oracle-differences.txt");
    private static final String DOM0_LOOP = "cd " + XenLab.SHARE + "/oracle && for f in *.cfg; do n=${f%.cfg};"
            + " virsh -q -c xen:///system domxml-from-native xen-xl $f >$n.virsh.xml 2>$n.virsh.err;"
            + " echo $? >$n.virsh.rc;"
            + " xl -N create $f >$n.xl.json 2>$n.xl.err; echo $? >$n.xl.rc; done";

    @Test
    void xenctl_libvirt_and_xl_agree_on_the_corpus_but_for_the_listed_differences(XenLab lab) throws Exception {
        List<String> files = corpus();
        Path oracle = lab.hostPath("oracle");
        Files.createDirectories(oracle);
        StringBuilder batch = new StringBuilder();
        for (String file : files) {
            Files.copy(CORPUS.resolve(file), oracle.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            batch.append("config convert ").append(file.startsWith("compat-") ? "--compat " : "")
                    .append(oracle.resolve(file)).append('\n');
        }
        Files.writeString(oracle.resolve("convert.batch"), batch);

        lab.dom0(DOM0_LOOP).expectSuccess();
        Run converted = lab.xenctl("batch", "-o", "json", oracle.resolve("convert.batch").toString());

        List<String> xenctlXml = xenctlResults(converted, files.size());
        TreeSet<String> differences = new TreeSet<>();
        for (int i = 0; i < files.size(); i++) {
            differences.addAll(differences(files.get(i), oracle, xenctlXml.get(i)));
        }
        String actual = String.join("\n", differences) + "\n";
        Files.writeString(lab.hostPath("oracle-differences.txt"), actual);
        if (System.getenv("XENCTL_GOLDEN_REWRITE") != null) {
            Files.createDirectories(EXPECTED.getParent());
            Files.writeString(EXPECTED, header() + actual);
        }
        TreeSet<String> expected = expected();
        TreeSet<String> unexpected = new TreeSet<>(differences);
        unexpected.removeAll(expected);
        TreeSet<String> gone = new TreeSet<>(expected);
        gone.removeAll(differences);
        assertThat(unexpected).as("differences from xl or libvirt not listed in " + EXPECTED
                + " (all of this run's: " + lab.hostPath("oracle-differences.txt") + ")").isEmpty();
        assertThat(gone).as("listed differences that no longer happen: remove them from " + EXPECTED).isEmpty();
    }

    private static List<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".cfg") && !name.startsWith("bad-"))
                    .sorted()
                    .toList();
        }
    }

    /** The XML of each file, in order; null where xenctl refused the file. */
    private static List<String> xenctlResults(Run batch, int count) throws IOException {
        List<String> xml = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : batch.out().split("\n")) {
            JsonNode entry = mapper.readTree(line);
            if (entry.has("summary")) {
                continue;
            }
            JsonNode result = entry.get("result");
            xml.add(result == null || result.isNull() ? null : result.get("xml").asText());
        }
        assertThat(xml).as(batch.describe()).hasSize(count);
        return xml;
    }

    private static List<String> differences(String file, Path oracle, String xenctlXml) throws IOException {
        String name = file.substring(0, file.length() - ".cfg".length());
        List<String> found = new ArrayList<>();
        Map<String, String> ours = xenctlXml == null ? null : DomainFacts.fromLibvirtXml(xenctlXml);
        compare(found, name, "virsh", ours, oracle, name + ".virsh", DomainFacts::fromLibvirtXml, ".xml");
        compare(found, name, "xl", ours, oracle, name + ".xl", DomainFacts::fromXlJson, ".json");
        return found;
    }

    private static void compare(List<String> found, String name, String tool, Map<String, String> ours, Path oracle,
                                String base, java.util.function.Function<String, Map<String, String>> reader,
                                String extension) throws IOException {
        boolean accepted = Files.readString(oracle.resolve(base + ".rc")).trim().equals("0");
        if (!accepted) {
            String error = Files.readString(oracle.resolve(base + ".err")).strip();
            String lastLine = error.substring(error.lastIndexOf('\n') + 1);
            found.add(name + ": " + tool + " refuses it" + (ours == null ? ", as xenctl does" : "") + ": " + lastLine);
            return;
        }
        if (ours == null) {
            found.add(name + ": xenctl refuses what " + tool + " accepts");
            return;
        }
        Map<String, String> theirs = reader.apply(Files.readString(oracle.resolve(base + extension)));
        TreeSet<String> keys = new TreeSet<>(ours.keySet());
        keys.addAll(theirs.keySet());
        for (String key : keys) {
            String mine = ours.get(key);
            String other = theirs.get(key);
            if (mine == null ? other != null : !mine.equals(other)) {
                found.add(name + ": " + key + ": xenctl " + show(mine) + ", " + tool + " " + show(other));
            }
        }
    }

    private static String show(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }

    private static TreeSet<String> expected() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        if (Files.exists(EXPECTED)) {
            for (String line : Files.readAllLines(EXPECTED)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    expected.add(line);
                }
            }
        }
        return expected;
    }

    private static String header() {
        return """
                # Where xenctl's reading of the xl.cfg corpus differs from libvirt's converter (virsh
                # domxml-from-native xen-xl) and from xl's own (xl -N create), on Xen 4.17 / libvirt 9.0 in the lab.
                # Written by OracleXenLabIT (XENCTL_GOLDEN_REWRITE=1); every line is explained in docs/xl-compat.md.
                """;
    }
}
