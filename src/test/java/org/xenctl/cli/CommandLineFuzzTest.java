package org.xenctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import picocli.CommandLine.ParameterException;

/**
 * Coverage-guided fuzzing (Jazzer) of the command line as a batch line or a shell would give it: split into words
 * (ShellWords), parsed into a verb and its options (picocli with xenctl's converters: sizes, seconds, CPU lists,
 * device specs…), and its options checked together. Nothing runs and nothing connects. Each line ends in a verb, a
 * help text or a usage error (exit 2) or another reported failure, never in an unexpected exception (exit 70).
 *
 * <p>In the suite the target runs on its regression inputs (src/test/resources/org/xenctl/cli/
 * CommandLineFuzzTestInputs/command_lines); {@code scripts/fuzz} fuzzes it (docs/testing.md).
 */
class CommandLineFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void command_lines(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            List<String> words = ShellWords.split(line);
            XenctlCommand root = new XenctlCommand();
            HypervisorCommand verb = CommandLines.parse(root, words.toArray(String[]::new), new PrintWriter(out),
                    new PrintWriter(err));
            if (verb != null) {
                verb.runIn(root.invocation(Context.of(Map.of()), new PrintWriter(out), new PrintWriter(err)));
                verb.checkOptions();
            }
        } catch (ParameterException usage) {
            // A usage error: exit 2, with picocli's message.
        } catch (XenctlException failure) {
            if (failure.code() == ErrorCode.INTERNAL) {
                throw failure;
            }
        }
    }
}
