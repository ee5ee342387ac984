package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;

/** help VERB, suggestions for typos, xl's meaning of info, and enum values in any case. */
class HelpTest {

    @Test
    void help_lists_the_verbs_or_explains_one_without_a_connection() {
        Result all = Cli.run("-c", "xen+ssh://nowhere.invalid/system", "help");
        Result one = Cli.run("help", "vcpu-pin");
        Result alias = Cli.run("help", "ls");
        Result json = Cli.run("-o", "json", "help", "save");

        assertThat(all.exit()).as(all.toString()).isZero();
        assertThat(all.out()).contains("Commands:").contains("  sched-credit2").contains("  console");
        assertThat(one.out()).startsWith("Usage: xenctl vcpu-pin ").contains("VCPU").contains("--live");
        assertThat(alias.out()).startsWith("Usage: xenctl list ");
        assertThat(json.json().get("verb").asText()).isEqualTo("save");
        assertThat(json.json().get("usage").asText()).contains("--force");
    }

    @Test
    void a_typo_gets_the_nearest_verb_or_option() {
        Result verb = Cli.run("lst");
        Result option = Cli.run("-c", "test:///default", "list", "--al");
        Result help = Cli.run("help", "shutdwn");
        Result nothingLike = Cli.run("qqqqqq");

        assertThat(verb.exit()).isEqualTo(2);
        assertThat(verb.err()).isEqualTo("xenctl: error: 'lst' is not a xenctl verb\n"
                + "xenctl: hint: did you mean 'list'? 'xenctl help' lists them\n");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--al'").contains("did you mean '--all'?")
                .contains("see 'xenctl help list'");
        assertThat(help.exit()).isEqualTo(2);
        assertThat(help.err()).contains("'shutdwn' is not a xenctl verb").contains("'shutdown'");
        assertThat(nothingLike.err()).contains("'qqqqqq' is not a xenctl verb");
    }

    @Test
    void info_without_a_domain_points_at_host_info_as_xl_users_mean_it() {
        Result info = Cli.run("-c", "test:///default", "info");

        assertThat(info.exit()).isEqualTo(2);
        assertThat(info.err()).contains("xenctl: hint: info shows a domain; the host's facts (xl info) are "
                + "'xenctl host-info'");
    }

    @Test
    void enum_values_are_taken_in_any_case() {
        Result output = Cli.run("-o", "JSON", "-c", "test:///default", "domid", "test");
        Result state = Cli.run("-c", "test:///default", "wait", "test", "--state", "RUNNING", "--timeout", "5");

        assertThat(output.json().get("id").asInt()).isEqualTo(1);
        assertThat(state.exit()).as(state.toString()).isZero();
    }
}
