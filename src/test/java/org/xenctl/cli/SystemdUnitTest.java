package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/** The shipped systemd unit runs a command xenctl has, with options it accepts. */
class SystemdUnitTest {

    @Test
    void the_pci_restore_unit_runs_an_existing_command_before_the_toolstack() throws Exception {
        List<String> unit = Files.readAllLines(TestDriver.repositoryFile(
                "packaging/systemd/xenctl-pci-restore.service"));
        String exec = unit.stream().filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow();
        List<String> words = ShellWords.split(exec.substring("ExecStart=".length()));

        assertThat(words.get(0)).isEqualTo("/usr/local/bin/xenctl");
        Result help = Cli.run(concat(words.subList(1, words.size()), "--help"));
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: xenctl " + words.get(1));
        assertThat(unit).contains("Before=libvirtd.service libvirt-guests.service xendomains.service");
    }

    private static String[] concat(List<String> words, String last) {
        List<String> all = new java.util.ArrayList<>(words);
        all.add(last);
        return all.toArray(String[]::new);
    }
}
